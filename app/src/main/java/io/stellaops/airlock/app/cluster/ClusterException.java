package io.stellaops.airlock.app.cluster;

import io.stellaops.airlock.bundle.BundleException;
import java.util.Objects;
import java.util.Optional;

/**
 * The one checked exception of cluster planning, export and apply. Its message is one line naming
 * the input or the object and what went wrong, and never contains secret material (no token, no key,
 * no Secret value, no server response body). When an apply had started, {@link #report()} says
 * what was and was not applied, so the caller can show it and the operator can re-run.
 */
public final class ClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why it failed; each reason has one exit code of {@code docs/cli.md}. */
    public enum Reason {
        /** A file or folder is missing or unreadable (kubeconfig, TLS files, token, kit). */
        UNREADABLE(1),
        /** A token or certificate is expired or not yet valid. */
        NOT_VALID_NOW(3),
        /** The request itself is wrong (conflicting options, an output that exists). */
        USAGE(4),
        /** An input is malformed or does not meet the requirements (token claims, names, PEM). */
        REFUSED(11),
        /** The Kubernetes API refused, failed or did not answer, or the plan met foreign objects. */
        CLUSTER(12);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;
    private final transient ApplyReport report;

    public ClusterException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public ClusterException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    public ClusterException(Reason reason, String message, ApplyReport report, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.report = report;
    }

    /** The same refusal as a library exception, keeping its exit code. */
    static ClusterException of(BundleException e) {
        Reason reason = switch (e.failure()) {
            case UNREADABLE -> Reason.UNREADABLE;
            case NOT_VALID_NOW -> Reason.NOT_VALID_NOW;
            case USAGE -> Reason.USAGE;
            default -> Reason.REFUSED;
        };
        return new ClusterException(reason, e.getMessage(), e);
    }

    public Reason reason() {
        return reason;
    }

    public int exitCode() {
        return reason.exitCode();
    }

    /** What was and was not applied, when the failure happened during an apply. */
    public Optional<ApplyReport> report() {
        return Optional.ofNullable(report);
    }
}
