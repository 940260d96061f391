package io.stellaops.airlock.bundle.manifest;

import java.io.OutputStream;
import java.util.Arrays;

/** An output stream that holds nothing: it only tells whether what is written equals the expected bytes. */
final class ComparingOutputStream extends OutputStream {
    private final byte[] expected;
    private long position;
    private boolean differs;

    ComparingOutputStream(byte[] expected) {
        this.expected = expected;
    }

    @Override
    public void write(int b) {
        if (!differs && (position >= expected.length || expected[(int) position] != (byte) b)) {
            differs = true;
        }
        position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (!differs && (position + length > expected.length
                || !Arrays.equals(bytes, offset, offset + length, expected, (int) position, (int) position + length))) {
            differs = true;
        }
        position += length;
    }

    /** True when exactly the expected bytes, no more and no fewer, were written. */
    boolean matchedAll() {
        return !differs && position == expected.length;
    }
}
