package io.stellaops.airlock.bundle.kit;

/**
 * Named points between the steps of an import, where the crash-consistency tests stop a real import
 * process: when the system property {@code airlock.test.pauseAt} names the point, the process
 * announces it on standard error and waits to be killed (SIGKILL). Unset, it costs one comparison.
 */
final class CrashPoint {
    private static final String PAUSE_AT = System.getProperty("airlock.test.pauseAt", "");

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
}
