package io.stellaops.airlock.bundle.build;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.archive.DeterministicTarWriter;
import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.io.FlushingFileOutputStream;
import io.stellaops.airlock.bundle.io.Sha256Sidecar;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;
import io.stellaops.airlock.bundle.sign.SignatureFiles;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds a bundle from a source folder: scans it, hashes every file into the manifest, then
 * streams the manifest and the files into a deterministic tar, compressed, into a temporary file
 * beside the output. A file changed during the build is caught: its {@link SourceStamp} (size,
 * inode, modification and change times) taken before it was hashed must be the same after it was
 * archived, and a file changed just before it was hashed, or on a file system without change
 * times, is hashed again as it is archived. Only a complete archive is renamed into place, followed by its {@code .sha256}
 * sidecar; on any failure nothing is left behind. Memory does not grow with file or bundle size.
 */
public final class BundleBuilder {
    private static final int BUFFER = 1024 * 1024;

    private final Duration racyWindow;

    public BundleBuilder() {
        this(SourceStamp.RACY_WINDOW);
    }

    /** With another window for files changed just before they were hashed (tests use zero). */
    BundleBuilder(Duration racyWindow) {
        this.racyWindow = racyWindow;
    }

    public BuildResult build(BuildRequest request, ProgressListener progress) throws BundleException {
        Path output = request.output().toAbsolutePath().normalize();
        List<SourceFile> sources = new SourceScanner(request.limits()).scan(request.source());
        checkOutput(request, output);
        List<ParallelHasher.Digest> digests = new ParallelHasher(Compression.defaultThreads(), racyWindow).hash(sources, progress);
        BundleManifest manifest = manifest(request, sources, digests);
        byte[] manifestBytes = ManifestCodec.encode(manifest);
        if (manifestBytes.length > request.limits().maxManifestBytes()) {
            throw new BundleException(Failure.REFUSED, "the manifest would be " + manifestBytes.length
                    + " bytes, over the limit of " + request.limits().maxManifestBytes());
        }
        Path temp = AtomicFiles.temporarySibling(output);
        Path sidecar = Sha256Sidecar.pathFor(output);
        Path sidecarTemp = AtomicFiles.temporarySibling(sidecar);
        try {
            String sha256 = writeArchive(temp, request, manifest, manifestBytes, sources, digests, progress);
            long size = Files.size(temp);
            Files.write(sidecarTemp, new Sha256Sidecar(sha256, output.getFileName().toString()).toBytes(),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            AtomicFiles.commit(temp, output, request.replace());
            AtomicFiles.commit(sidecarTemp, sidecar, true);
            SignatureFiles.removeStale(output, manifestBytes, request.limits());
            return new BuildResult(output, sidecar, sha256, size, manifest);
        } catch (InterruptedIOException | ClosedByInterruptException e) {
            throw new BundleException(Failure.CANCELLED, "build cancelled", e);
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot write " + output + ": " + AtomicFiles.describe(e), e);
        } finally {
            AtomicFiles.deleteQuietly(temp);
            AtomicFiles.deleteQuietly(sidecarTemp);
        }
    }

    private static void checkOutput(BuildRequest request, Path output) throws BundleException {
        Path parent = output.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BundleException(Failure.UNREADABLE, "output folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new BundleException(Failure.UNREADABLE, "output folder " + parent + " is not writable");
        }
        if (Files.isDirectory(output)) {
            throw new BundleException(Failure.USAGE, "output " + output + " is a folder");
        }
        if (Files.exists(output) && !request.replace()) {
            throw new BundleException(Failure.USAGE, "output " + output + " already exists (use --force to replace it)");
        }
        try {
            Path source = request.source().toRealPath();
            if (parent.toRealPath().startsWith(source)) {
                throw new BundleException(Failure.USAGE, "output " + output + " lies inside the source folder " + source
                        + "; the next build would bundle it");
            }
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot resolve " + parent + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static BundleManifest manifest(BuildRequest request, List<SourceFile> sources,
            List<ParallelHasher.Digest> digests) throws BundleException {
        List<FileEntry> entries = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            SourceFile source = sources.get(i);
            entries.add(new FileEntry(source.path(), digests.get(i).size(), digests.get(i).sha256(),
                    source.executable() ? FileEntry.MODE_EXECUTABLE : FileEntry.MODE_REGULAR,
                    FileClassifier.mediaType(source.path()), FileClassifier.role(source.path())));
        }
        try {
            return new BundleManifest(BundleManifest.FORMAT_VERSION, request.name(), request.version(),
                    request.generation(), request.createdAt(), request.expiresAt(), request.producer(), entries);
        } catch (IllegalArgumentException e) {
            throw new BundleException(Failure.USAGE, "cannot build the manifest: " + e.getMessage(), e);
        }
    }

    private static String writeArchive(Path temp, BuildRequest request, BundleManifest manifest, byte[] manifestBytes,
            List<SourceFile> sources, List<ParallelHasher.Digest> digests, ProgressListener progress)
            throws IOException, BundleException {
        MessageDigest archiveDigest = Sha256.newDigest();
        long total = manifest.totalSize();
        long[] done = {0};
        try (OutputStream file = new FlushingFileOutputStream(temp);
             DeterministicTarWriter tar = new DeterministicTarWriter(request.compression().compress(
                     new DigestOutputStream(new BufferedOutputStream(file, BUFFER), archiveDigest)), request.createdAt())) {
            tar.writeFile(BundlePath.MANIFEST_NAME, FileEntry.MODE_REGULAR, manifestBytes.length,
                    new ByteArrayInputStream(manifestBytes), OutputStream.nullOutputStream());
            for (int i = 0; i < sources.size(); i++) {
                FileEntry entry = manifest.files().get(i);
                SourceStamp stamp = digests.get(i).stamp();
                boolean hashAgain = stamp == null || !stamp.conclusive();
                MessageDigest digest = hashAgain ? Sha256.newDigest() : null;
                OutputStream sink = new ProgressSink(digest, n -> {
                    done[0] += n;
                    progress.onProgress("write", done[0], total);
                });
                try (InputStream in = Files.newInputStream(sources.get(i).location())) {
                    tar.writeFile(entry.path(), entry.mode(), entry.size(), in, sink);
                } catch (InterruptedIOException | ClosedByInterruptException e) {
                    throw e;
                } catch (IOException e) {
                    throw new BundleException(Failure.DIGEST_MISMATCH, "source file '" + entry.path()
                            + "' changed while the bundle was built: " + e.getMessage(), e);
                }
                boolean unchanged = hashAgain ? HexFormat.of().formatHex(digest.digest()).equals(entry.sha256())
                        : stamp.unchangedIn(SourceStamp.of(sources.get(i).location()));
                if (!unchanged) {
                    throw new BundleException(Failure.DIGEST_MISMATCH, "source file '" + entry.path()
                            + "' changed while the bundle was built; build again");
                }
            }
        }
        return HexFormat.of().formatHex(archiveDigest.digest());
    }

    /**
     * Hashes content as it is archived (when the file's stamp cannot show it unchanged, else
     * {@code digest} is null), reports progress per buffer and notices cancellation.
     */
    private static final class ProgressSink extends OutputStream {
        private final MessageDigest digest;
        private final java.util.function.LongConsumer onChunk;

        ProgressSink(MessageDigest digest, java.util.function.LongConsumer onChunk) {
            this.digest = digest;
            this.onChunk = onChunk;
        }

        @Override
        public void write(int b) {
            if (digest != null) {
                digest.update((byte) b);
            }
            onChunk.accept(1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("build cancelled");
            }
            if (digest != null) {
                digest.update(buffer, offset, length);
            }
            onChunk.accept(length);
        }
    }
}
