package io.stellaops.airlock.bundle.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts decompressed bytes and refuses to deliver any past a limit that the reader moves as it
 * learns what to expect next: a little header room before each entry, exactly the listed size
 * (rounded to tar blocks) for its data. A decompression bomb, an oversized PAX header or a
 * GNU long name therefore stops at the first byte past what the manifest allows, before any
 * parser can buffer it.
 */
final class GuardedInputStream extends FilterInputStream {
    private long position;
    private long limit;
    private String limitReason = "limit";

    GuardedInputStream(InputStream in) {
        super(in);
    }

    /** Allows reading up to {@code position() + bytes}; {@code reason} names what would be exceeded. */
    void allow(long bytes, String reason) {
        this.limit = position + bytes;
        this.limitReason = reason;
    }

    long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        ensureRoom(1);
        int b = super.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long room = limit - position;
        if (room <= 0) {
            ensureRoom(1);
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, room));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return SkipByReading.skip(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void ensureRoom(long bytes) throws IOException {
        if (position + bytes > limit) {
            // Only a real byte beyond the limit proves the overrun; the end of the stream is not one.
            int probe = super.read();
            if (probe < 0) {
                return;
            }
            throw new LimitExceededException(limitReason, position);
        }
    }
}
