package io.stellaops.airlock.bundle.adversarial;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.archive.Compression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes tar archives block by block, for the inputs no tar library would write: size fields in
 * base-256 or negative, names that a GNU long-name or PAX record overrides, headers with a wrong
 * checksum, archives cut anywhere. Headers are ustar; the checksum is computed unless a case
 * breaks it on purpose.
 */
final class RawTar {
    static final int BLOCK = 512;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A regular file entry with its content. */
    RawTar file(String name, byte[] content) {
        return entry(header(name, (byte) '0', content.length), content);
    }

    RawTar file(String name, String content) {
        return file(name, content.getBytes(UTF_8));
    }

    /** A header (already complete) followed by {@code content}, padded to the block. */
    RawTar entry(byte[] header, byte[] content) {
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[pad(content.length)]);
        return this;
    }

    /** A PAX extended header holding {@code records} ("key=value" each), which applies to the next entry. */
    RawTar pax(String... records) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (String record : records) {
            byte[] body = (" " + record + "\n").getBytes(UTF_8);
            int length = body.length + 1;
            while (Integer.toString(length).length() + body.length != length) {
                length = Integer.toString(length).length() + body.length;
            }
            data.writeBytes(Integer.toString(length).getBytes(US_ASCII));
            data.writeBytes(body);
        }
        return entry(header("./PaxHeaders/x", (byte) 'x', data.size()), data.toByteArray());
    }

    /** A GNU long-name record: the next entry's name is {@code name}, whatever its header says. */
    RawTar gnuLongName(String name) {
        byte[] bytes = (name + "\0").getBytes(UTF_8);
        return entry(header("././@LongLink", (byte) 'L', bytes.length), bytes);
    }

    RawTar raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The end-of-archive marker: two zero blocks. */
    RawTar end() {
        out.writeBytes(new byte[2 * BLOCK]);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path write(Path file, Compression compression) throws IOException {
        return RawTar.compress(file, bytes(), compression);
    }

    static Path compress(Path file, byte[] bytes, Compression compression) throws IOException {
        try (OutputStream stream = compression.compress(Files.newOutputStream(file))) {
            stream.write(bytes);
        }
        return file;
    }

    /** A ustar header with an octal size and a correct checksum. */
    static byte[] header(String name, byte type, long size) {
        byte[] header = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(UTF_8);
        System.arraycopy(nameBytes, 0, header, 0, Math.min(100, nameBytes.length));
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", size));
        put(header, 136, String.format("%011o\0", 1_793_527_200L));
        header[156] = type;
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        return checksum(header);
    }

    /** Replaces the 12-byte size field (octal text or base-256 binary) and fixes the checksum. */
    static byte[] withSizeField(byte[] header, byte[] field) {
        byte[] copy = header.clone();
        Arrays.fill(copy, 124, 136, (byte) 0);
        System.arraycopy(field, 0, copy, 124, Math.min(12, field.length));
        return checksum(copy);
    }

    /** A base-256 size field (first byte 0x80, or 0xff for a negative two's complement value). */
    static byte[] base256(long value) {
        byte[] field = new byte[12];
        Arrays.fill(field, value < 0 ? (byte) 0xff : 0);
        for (int i = 11; i >= 4; i--) {
            field[i] = (byte) (value >>> (8 * (11 - i)));
        }
        field[0] = (byte) (value < 0 ? 0xff : 0x80);
        return field;
    }

    static byte[] checksum(byte[] header) {
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static int pad(int length) {
        return (BLOCK - length % BLOCK) % BLOCK;
    }
}
