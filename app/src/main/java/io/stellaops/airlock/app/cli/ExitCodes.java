package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.Failure;

/** The exit codes of {@code docs/cli.md}; scripts depend on them, so they never change meaning. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int UNREADABLE = 1;
    public static final int DIGEST_MISMATCH = 2;
    public static final int NOT_VALID_NOW = 3;
    public static final int USAGE = 4;
    public static final int SIGNATURE = 5;
    public static final int GENERATION = 8;
    public static final int REFUSED = 11;
    public static final int CLUSTER = 12;
    public static final int CHECKLIST = 13;
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }

    public static int of(Failure failure) {
        return failure.exitCode();
    }
}
