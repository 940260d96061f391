package io.stellaops.airlock.bundle.verify;

/** The outcome of one verification step or of one file. */
public enum CheckStatus {
    PASSED, FAILED, SKIPPED, NOT_REACHED
}
