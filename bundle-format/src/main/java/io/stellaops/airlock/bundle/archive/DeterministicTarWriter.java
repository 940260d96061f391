package io.stellaops.airlock.bundle.archive;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes POSIX/PAX tar entries whose bytes depend only on path, mode, size, content and one fixed
 * mtime: uid/gid 0, no user or group names, no access or change times. Commons Compress writes the
 * headers; paths of 100 bytes or more get a PAX {@code path} record that this class writes itself,
 * because the library would stamp the PAX header with the current user's name. Sizes past the
 * octal range use the base-256 encoding that GNU tar and Python read, again without PAX.
 */
public final class DeterministicTarWriter implements Closeable {
    private static final int USTAR_NAME_LENGTH = TarConstants.NAMELEN;
    private static final int BUFFER = 256 * 1024;

    private final TarArchiveOutputStream tar;
    private final FileTime mtime;
    private final byte[] buffer = new byte[BUFFER];

    /** @param out receives the tar stream; closed by {@link #close()} */
    public DeterministicTarWriter(OutputStream out, Instant mtime) {
        this.tar = new TarArchiveOutputStream(out, UTF_8.name());
        this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_TRUNCATE);
        this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        this.mtime = FileTime.from(Instant.ofEpochSecond(mtime.getEpochSecond()));
    }

    /**
     * Writes one regular file entry, copying exactly {@code size} bytes from {@code content}.
     *
     * @param copied receives every content byte as it is written, for hashing; may be {@link OutputStream#nullOutputStream()}
     * @throws IOException also when the content is shorter or longer than {@code size}
     */
    public void writeFile(String path, int mode, long size, InputStream content, OutputStream copied) throws IOException {
        byte[] name = path.getBytes(UTF_8);
        if (name.length >= USTAR_NAME_LENGTH) {
            writePaxPath(path, name);
        }
        TarArchiveEntry entry = entry(path, TarConstants.LF_NORMAL, size);
        entry.setMode(0100000 | mode);
        tar.putArchiveEntry(entry);
        long remaining = size;
        while (remaining > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("'" + path + "' ended after " + (size - remaining) + " of " + size + " bytes");
            }
            tar.write(buffer, 0, n);
            copied.write(buffer, 0, n);
            remaining -= n;
        }
        if (content.read() >= 0) {
            throw new IOException("'" + path + "' is longer than " + size + " bytes");
        }
        tar.closeArchiveEntry();
    }

    /** Writes the end-of-archive marker and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        tar.finish();
        tar.close();
    }

    private void writePaxPath(String path, byte[] name) throws IOException {
        byte[] record = paxRecord("path", name);
        String headerName = "PaxHeaders/" + path.substring(path.lastIndexOf('/') + 1);
        TarArchiveEntry pax = entry(truncate(headerName), TarConstants.LF_PAX_EXTENDED_HEADER_LC, record.length);
        pax.setMode(0100644);
        tar.putArchiveEntry(pax);
        tar.write(record);
        tar.closeArchiveEntry();
    }

    private TarArchiveEntry entry(String name, byte type, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(truncate(name), type);
        entry.setSize(size);
        entry.setModTime(mtime);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }

    private static String truncate(String name) {
        byte[] bytes = name.getBytes(UTF_8);
        return bytes.length < USTAR_NAME_LENGTH ? name : new String(bytes, 0, USTAR_NAME_LENGTH - 1, UTF_8);
    }

    /** One PAX extended header record, "LEN key=value\n", where LEN counts the whole record. */
    static byte[] paxRecord(String key, byte[] value) {
        int body = 1 + key.length() + 1 + value.length + 1;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length = body + Integer.toString(length).length();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        out.writeBytes((length + " " + key + "=").getBytes(UTF_8));
        out.writeBytes(value);
        out.write('\n');
        return out.toByteArray();
    }
}
