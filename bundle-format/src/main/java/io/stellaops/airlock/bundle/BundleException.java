package io.stellaops.airlock.bundle;

import java.util.Objects;

/**
 * The one checked exception of the bundle library. Its message names the step, the file or entry
 * and what was wrong, in one line, and never contains secret material; its {@link #failure()} says
 * which kind of refusal it is so that callers (the CLI, the wizard) can react without parsing text.
 */
public class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Failure failure;

    public BundleException(Failure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public BundleException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public Failure failure() {
        return failure;
    }
}
