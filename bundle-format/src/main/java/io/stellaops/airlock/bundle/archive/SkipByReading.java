package io.stellaops.airlock.bundle.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code skip} for streams that must see every byte (to count or hash it): it reads through the
 * stream's own {@code read} instead of letting the source jump ahead.
 */
final class SkipByReading {
    private SkipByReading() {
    }

    static long skip(InputStream self, long n) throws IOException {
        byte[] scratch = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = self.read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }
}
