package io.stellaops.airlock.bundle;

/**
 * The closed set of reasons an Airlock operation can refuse its input. Each reason maps to one
 * exit code of the command line (see {@code docs/cli.md}); the library itself knows nothing of
 * exit codes, only of what went wrong.
 */
public enum Failure {
    /** A file or folder is missing or cannot be read, or an output cannot be written. */
    UNREADABLE,
    /** A digest or a size differs from the one the manifest or a sidecar lists. */
    DIGEST_MISMATCH,
    /** The bundle has expired or is not yet valid at the verifier's clock. */
    NOT_VALID_NOW,
    /** The request itself is wrong: an option out of range, an output that already exists. */
    USAGE,
    /** A signature is invalid, untrusted, or the trusted signatures are below the threshold. */
    SIGNATURE,
    /** The bundle's generation is not newer than the active one. */
    GENERATION,
    /** The input is refused: malformed, an unsafe path or link, over a limit, unsupported version. */
    REFUSED,
    /** The operation was cancelled by the caller. */
    CANCELLED
}
