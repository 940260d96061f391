package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.BundleException;

/**
 * A refused verification, carrying the report as far as it got, so that the refusal itself can be
 * kept as evidence: which steps passed, which failed and why, and which files were not reached.
 */
public final class VerificationException extends BundleException {
    private static final long serialVersionUID = 1L;

    private final transient VerificationReport report;

    public VerificationException(BundleException cause, VerificationReport report) {
        super(cause.failure(), cause.getMessage(), cause);
        this.report = report;
    }

    public VerificationReport report() {
        return report;
    }
}
