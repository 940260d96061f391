package io.stellaops.airlock.bundle.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.archive.Compression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes hand-made, possibly hostile tar archives for the negative tests: any entry type, name,
 * size and content, independent of Airlock's own writer.
 */
public final class TarSpec {
    private final List<Consumer<TarArchiveOutputStream>> entries = new ArrayList<>();
    private boolean endMarker = true;

    public TarSpec file(String name, byte[] content) {
        return file(name, content, 0644);
    }

    public TarSpec file(String name, byte[] content, int mode) {
        entries.add(tar -> put(tar, entry(name, TarConstants.LF_NORMAL, mode), content));
        return this;
    }

    public TarSpec file(String name, String content) {
        return file(name, content.getBytes(UTF_8));
    }

    public TarSpec typed(String name, byte type, String linkName) {
        entries.add(tar -> {
            TarArchiveEntry entry = entry(name, type, 0644);
            if (linkName != null) {
                entry.setLinkName(linkName);
            }
            put(tar, entry, new byte[0]);
        });
        return this;
    }

    public TarSpec paxHeader(String name, String key, String value) {
        entries.add(tar -> {
            TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL, 0644);
            entry.addPaxHeader(key, value);
            put(tar, entry, new byte[0]);
        });
        return this;
    }

    public TarSpec withoutEndMarker() {
        this.endMarker = false;
        return this;
    }

    public byte[] tarBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Consumer<TarArchiveOutputStream> entry : entries) {
            entry.accept(tar);
        }
        if (endMarker) {
            tar.finish();
        } else {
            tar.flush();
        }
        return out.toByteArray();
    }

    public Path write(Path file, Compression compression) throws IOException {
        try (OutputStream out = compression.compress(Files.newOutputStream(file))) {
            out.write(tarBytes());
        }
        return file;
    }

    private static TarArchiveEntry entry(String name, byte type, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode((type == TarConstants.LF_DIR ? 040000 : 0100000) | mode);
        entry.setUserName("");
        entry.setGroupName("");
        // Whole seconds: a sub-second mtime would make Commons Compress add a PAX header.
        entry.setModTime(java.nio.file.attribute.FileTime.from(TestBundles.CREATED_AT));
        return entry;
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content) {
        try {
            entry.setSize(entry.isFile() ? content.length : 0);
            tar.putArchiveEntry(entry);
            if (entry.isFile()) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
