package io.stellaops.airlock.bundle.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An output stream into one array of a size known in advance (a manifest entry's size, a decoded
 * payload's length): no growth by doubling, and no copy when it is filled exactly, so a document of
 * tens of MiB costs its own size once. Writing past the capacity is an error, not a reallocation.
 */
public final class FixedBuffer extends OutputStream {
    private final byte[] bytes;
    private int count;

    public FixedBuffer(int capacity) {
        this.bytes = new byte[capacity];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == bytes.length) {
            throw new IOException("more than the expected " + bytes.length + " bytes");
        }
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) throws IOException {
        if (length > bytes.length - count) {
            throw new IOException("more than the expected " + bytes.length + " bytes");
        }
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    /** The bytes written: the array itself when it is full, else a copy of the part written. */
    public byte[] toByteArray() {
        return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
    }
}
