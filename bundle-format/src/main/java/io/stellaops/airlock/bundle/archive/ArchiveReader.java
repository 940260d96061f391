package io.stellaops.airlock.bundle.archive;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.luben.zstd.ZstdInputStream;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.io.FixedBuffer;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a bundle archive in one forward pass and never trusts a byte it has not checked. The first
 * entry must be {@code manifest.json}; after the caller has authenticated and parsed it, every
 * further entry must be the next file the manifest lists, a regular file of the listed size and
 * mode, and its digest is computed while its bytes stream to a caller's sink. Decompressed bytes
 * are metered by a guard whose allowance follows the manifest, so nothing unlisted is buffered.
 * At the end the tar end-of-archive marker, zero padding only, and the end of the compressed
 * stream are required: appended or concatenated data is refused.
 */
public final class ArchiveReader implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;
    private static final int TAR_BLOCK = 512;
    private static final int END_MARKER_BYTES = 2 * TAR_BLOCK;

    private final Path archive;
    private final Limits limits;
    private final long archiveSize;
    private final Compression compression;
    private final MeteredInputStream raw;
    private final BufferedInputStream buffered;
    private final GuardedInputStream guard;
    private final TarArchiveInputStream tar;
    private final ProgressListener progress;
    private final byte[] buffer = new byte[BUFFER];
    private List<FileEntry> listed = List.of();
    private int nextIndex;
    private long endOfLastEntry;

    private ArchiveReader(Path archive, Limits limits, ProgressListener progress) throws BundleException, IOException {
        this.archive = archive;
        this.limits = limits;
        this.progress = progress;
        this.archiveSize = Files.size(archive);
        this.raw = new MeteredInputStream(Files.newInputStream(archive), String.valueOf(archive.getFileName()));
        try {
            this.buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(Compression.magicLength());
            byte[] head = buffered.readNBytes(Compression.magicLength());
            buffered.reset();
            this.compression = Compression.detect(head).orElseThrow(() -> new BundleException(Failure.REFUSED,
                    archive.getFileName() + " is not a bundle archive: it starts with neither gzip nor zstd magic bytes"));
            InputStream decompressed = switch (compression) {
                case GZIP -> new GzipCompressorInputStream(buffered, false);
                case ZSTD -> new ZstdInputStream(buffered);
            };
            this.guard = new GuardedInputStream(decompressed);
            this.tar = new ChecksummedTarInputStream(guard, TAR_BLOCK, UTF_8.name());
        } catch (BundleException | IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Opens an archive; a missing or unreadable file is {@link Failure#UNREADABLE}. */
    public static ArchiveReader open(Path archive, Limits limits, ProgressListener progress) throws BundleException {
        if (!Files.isRegularFile(archive)) {
            throw new BundleException(Failure.UNREADABLE, Files.exists(archive)
                    ? archive + " is not a regular file"
                    : archive + " does not exist");
        }
        try {
            return new ArchiveReader(archive, limits, progress);
        } catch (NoSuchFileException e) {
            throw new BundleException(Failure.UNREADABLE, archive + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new BundleException(Failure.UNREADABLE, archive + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new BundleException(Failure.REFUSED, archive.getFileName() + " is corrupt or truncated: " + reason(e), e);
        }
    }

    public Compression compression() {
        return compression;
    }

    public String archiveName() {
        return String.valueOf(archive.getFileName());
    }

    public long archiveSize() {
        return archiveSize;
    }

    /** Reads the first entry, which must be {@code manifest.json}, and returns its exact bytes. */
    public byte[] readManifestBytes() throws BundleException {
        TarArchiveEntry entry = nextEntry("the first entry");
        if (entry == null) {
            throw refused("archive is empty: it has no manifest.json");
        }
        requireRegularFile(entry);
        if (!BundlePath.MANIFEST_NAME.equals(entry.getName())) {
            throw refused("the first entry is '" + BundlePath.printable(entry.getName())
                    + "', not manifest.json");
        }
        if (entry.getSize() > limits.maxManifestBytes()) {
            throw refused("manifest.json is " + entry.getSize() + " bytes, over the limit of " + limits.maxManifestBytes());
        }
        FixedBuffer bytes = new FixedBuffer((int) entry.getSize());
        copyEntry(entry, bytes, null);
        return bytes.toByteArray();
    }

    /** Declares the files the rest of the archive must hold, in order, once the manifest is trusted. */
    public void expect(BundleManifest manifest) {
        this.listed = manifest.files();
    }

    /**
     * Reads the next entry, which must be {@code expected}, streaming its content to {@code sink}.
     *
     * @return the lowercase hex SHA-256 of the content, for the caller to compare
     * @throws BundleException {@link Failure#REFUSED} for a wrong, unsafe, unlisted or missing entry,
     *                         {@link Failure#DIGEST_MISMATCH} for a size that differs from the manifest
     */
    public String readFile(FileEntry expected, OutputStream sink) throws BundleException {
        TarArchiveEntry entry = nextEntry("'" + expected.path() + "'");
        if (entry == null) {
            throw refused("archive ends before '" + expected.path() + "' (" + (listed.size() - nextIndex)
                    + " listed file(s) missing)");
        }
        requireRegularFile(entry);
        String name = entry.getName();
        if (!name.equals(expected.path())) {
            throw refused(unexpectedEntryMessage(name, expected));
        }
        if (entry.getSize() != expected.size()) {
            throw new BundleException(Failure.DIGEST_MISMATCH, archiveName() + ": entry '" + name + "' is " + entry.getSize()
                    + " bytes but the manifest lists " + expected.size());
        }
        int mode = entry.getMode() & 07777;
        if (mode != expected.mode()) {
            throw refused(String.format("entry '%s' has mode %04o but the manifest lists %s", name, mode, expected.modeOctal()));
        }
        MessageDigest sha256 = Sha256.newDigest();
        copyEntry(entry, sink, sha256);
        nextIndex++;
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Requires the end of the archive: no further entry, the two zero blocks of the end marker, only
     * zero padding after them, and the end of the compressed stream.
     *
     * @return the lowercase hex SHA-256 of the whole archive file
     */
    public String finish() throws BundleException {
        long trailer = (long) limits.maxHeaderBytes() + limits.maxTrailerBytes();
        TarArchiveEntry extra = nextEntry("the end of the archive", trailer,
                "data after the last listed file exceeds the trailer limit of " + trailer + " bytes");
        if (extra != null) {
            throw refused("entry '" + BundlePath.printable(extra.getName()) + "' is not listed in the manifest"
                    + " (found after the last listed file)");
        }
        if (guard.position() - endOfLastEntry < END_MARKER_BYTES) {
            throw refused("archive is truncated: the tar end-of-archive marker is missing");
        }
        try {
            for (int n; (n = guard.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != 0) {
                        throw refused("archive has data after the tar end-of-archive marker (appended or concatenated archive?)");
                    }
                }
            }
            int trailing = buffered.available();
            if (trailing > 0 || buffered.read() >= 0) {
                throw refused("archive has trailing data after the end of the " + compression.id() + " stream at byte "
                        + (archiveSize - Math.max(trailing, 1)) + " of " + archiveSize);
            }
        } catch (IOException e) {
            throw translate(e, "the end of the archive");
        }
        progress.onProgress("verify", raw.count(), archiveSize);
        return raw.sha256Hex();
    }

    @Override
    public void close() throws BundleException {
        try {
            raw.close();
            tar.close();
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "closing " + archive + " failed: " + e.getMessage(), e);
        }
    }

    private TarArchiveEntry nextEntry(String what) throws BundleException {
        return nextEntry(what, limits.maxHeaderBytes(),
                "the tar header before " + what + " exceeds " + limits.maxHeaderBytes() + " bytes");
    }

    private TarArchiveEntry nextEntry(String what, long allowance, String overrun) throws BundleException {
        guard.allow(allowance, overrun);
        try {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry != null && entry.getName().getBytes(UTF_8).length > limits.maxPathBytes()) {
                throw refused("entry name '" + BundlePath.printable(entry.getName()) + "' is longer than "
                        + limits.maxPathBytes() + " bytes");
            }
            return entry;
        } catch (IOException e) {
            throw translate(e, "the tar header before " + what);
        } catch (RuntimeException e) {
            throw refused("the tar header before " + what + " is malformed: " + e.getMessage());
        }
    }

    private void copyEntry(TarArchiveEntry entry, OutputStream sink, MessageDigest digest) throws BundleException {
        long size = entry.getSize();
        guard.allow(roundUpToBlock(size), "entry '" + entry.getName() + "' holds more than its " + size + " bytes");
        long copied = 0;
        try {
            for (int n; (n = tar.read(buffer)) >= 0; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new BundleException(Failure.CANCELLED, "verification cancelled");
                }
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                sink.write(buffer, 0, n);
                copied += n;
                progress.onProgress("verify", raw.count(), archiveSize);
            }
        } catch (IOException e) {
            throw translate(e, "entry '" + entry.getName() + "'");
        }
        if (copied != size) {
            throw refused("archive is truncated: entry '" + entry.getName() + "' ends after " + copied + " of " + size + " bytes");
        }
        endOfLastEntry = guard.position() + (roundUpToBlock(size) - size);
    }

    private String unexpectedEntryMessage(String name, FileEntry expected) {
        int index = indexOfListed(name);
        if (index < 0) {
            String problem = BundlePath.problemOf(name, limits.maxPathBytes());
            return "entry '" + BundlePath.printable(name) + "' is not listed in the manifest"
                    + (problem == null ? "" : " (unsafe path: it " + problem + ")")
                    + "; expected '" + expected.path() + "'";
        }
        if (index < nextIndex) {
            return "entry '" + name + "' appears twice in the archive";
        }
        return "entry '" + name + "' is out of order: expected '" + expected.path() + "' first";
    }

    /** The index of {@code name} in the manifest's list (in byte order of path), or -1. */
    private int indexOfListed(String name) {
        int low = 0;
        int high = listed.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = BundlePath.BYTE_ORDER.compare(listed.get(middle).path(), name);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    private void requireRegularFile(TarArchiveEntry entry) throws BundleException {
        String name = BundlePath.printable(entry.getName());
        String kind = null;
        if (entry.isSymbolicLink()) {
            kind = "a symbolic link to '" + BundlePath.printable(entry.getLinkName()) + "'";
        } else if (entry.isLink()) {
            kind = "a hard link to '" + BundlePath.printable(entry.getLinkName()) + "'";
        } else if (entry.isDirectory()) {
            kind = "a directory";
        } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            kind = "a device";
        } else if (entry.isFIFO()) {
            kind = "a FIFO";
        } else if (entry.isSparse()) {
            kind = "a sparse file";
        } else if (!entry.isFile()) {
            kind = "of unsupported type '" + (char) entry.getLinkFlag() + "'";
        }
        if (kind != null) {
            throw refused("entry '" + name + "' is " + kind + "; bundles hold regular files only");
        }
    }

    private BundleException translate(IOException e, String where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceededException limit) {
                return refused(limit.reason() + " (at decompressed byte " + limit.position() + ")");
            }
            if (t instanceof InterruptedIOException || t instanceof ClosedByInterruptException) {
                return new BundleException(Failure.CANCELLED, "verification cancelled");
            }
        }
        return new BundleException(Failure.REFUSED, archive.getFileName() + ": archive is corrupt or truncated in "
                + where + " (compressed byte " + raw.count() + " of " + archiveSize + "): " + reason(e), e);
    }

    private static String reason(IOException e) {
        if (e instanceof java.io.EOFException) {
            return "the compressed stream ends unexpectedly";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private BundleException refused(String message) {
        return new BundleException(Failure.REFUSED, archive.getFileName() + ": " + message);
    }

    private static long roundUpToBlock(long size) {
        return (size + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
    }
}
