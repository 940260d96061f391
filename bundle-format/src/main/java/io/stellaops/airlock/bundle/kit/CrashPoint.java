package io.stellaops.airlock.bundle.kit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Named points between the steps of an import, where the crash-consistency tests stop a real import
 * process: when the system property {@code airlock.test.pauseAt} names the point, the process
 * announces it on standard error and waits to be killed (SIGKILL). {@code extract-byte:N} pauses
 * the extraction once N payload bytes have been written to staging, so that a kill can land at any
 * byte of the one verify-and-extract pass. Unset, it costs one comparison per step.
 */
final class CrashPoint {
    private static final String PAUSE_AT = System.getProperty("airlock.test.pauseAt", "");
    private static final String EXTRACT_BYTE = "extract-byte:";
    private static final long EXTRACT_OFFSET = PAUSE_AT.startsWith(EXTRACT_BYTE)
            ? Long.parseLong(PAUSE_AT.substring(EXTRACT_BYTE.length())) : -1;
    private static long extracted;

    private CrashPoint() {
    }

    static void reach(String point) {
        if (!PAUSE_AT.isEmpty() && PAUSE_AT.equals(point)) {
            System.err.println("AIRLOCK-PAUSED " + point);
            System.err.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // Keep waiting: only a kill ends this process.
                }
            }
        }
    }

    /** {@code out} as is, or, when a test pauses at an extraction byte, counting toward it. */
    static OutputStream countingExtraction(OutputStream out) {
        if (EXTRACT_OFFSET < 0) {
            return out;
        }
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                long before = EXTRACT_OFFSET - extracted;
                if (before >= 0 && before < length) {
                    // Write exactly up to the offset, make it visible in the file, then stop there.
                    out.write(bytes, offset, (int) before);
                    out.flush();
                    reach(PAUSE_AT);
                }
                out.write(bytes, offset, length);
                extracted += length;
            }
        };
    }
}
