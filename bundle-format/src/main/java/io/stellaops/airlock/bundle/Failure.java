package io.stellaops.airlock.bundle;

/**
 * The closed set of reasons an Airlock operation can refuse its input. Each reason has one exit
 * code of the command line (see {@code docs/cli.md}).
 */
public enum Failure {
    /** A file or folder is missing or cannot be read, or an output cannot be written. */
    UNREADABLE(1),
    /** A digest or a size differs from the one the manifest or a sidecar lists. */
    DIGEST_MISMATCH(2),
    /** The bundle has expired or is not yet valid at the verifier's clock. */
    NOT_VALID_NOW(3),
    /** The request itself is wrong: an option out of range, an output that already exists. */
    USAGE(4),
    /** A signature is invalid, untrusted, or the trusted signatures are below the threshold. */
    SIGNATURE(5),
    /** The bundle's generation is not newer than the active one. */
    GENERATION(8),
    /** The input is refused: malformed, an unsafe path or link, over a limit, unsupported version. */
    REFUSED(11),
    /** The operation was cancelled by the caller. */
    CANCELLED(130);

    private final int exitCode;

    Failure(int exitCode) {
        this.exitCode = exitCode;
    }

    /**
     * The documented exit code of this refusal ({@code docs/cli.md}). It lives here, not only in the
     * CLI, because records that outlive a run (quarantine reasons, receipts) cite it too.
     */
    public int exitCode() {
        return exitCode;
    }
}
