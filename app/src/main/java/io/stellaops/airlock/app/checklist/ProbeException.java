package io.stellaops.airlock.app.checklist;

import java.util.Objects;

/**
 * A probe that did not get the answer it needs, with the precise reason. Checks turn it into a
 * failed {@link CheckResult} with the fix for that reason; the message never holds a secret.
 */
public final class ProbeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureReason reason;

    public ProbeException(FailureReason reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FailureReason reason() {
        return reason;
    }
}
