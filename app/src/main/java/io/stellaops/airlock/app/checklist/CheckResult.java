package io.stellaops.airlock.app.checklist;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Check} concludes: a final state, a one-line summary, and for a failure the reason
 * and the fix. The runner adds the evidence and the timing to make a {@link CheckOutcome}.
 *
 * @param state        a final state
 * @param summary      one line for the operator
 * @param reason       present exactly when failed
 * @param fixHint      what to do; empty when there is nothing to do
 * @param confirmation for an operator item that was confirmed
 */
public record CheckResult(CheckState state, String summary, Optional<FailureReason> reason, String fixHint,
        Optional<Confirmation> confirmation) {
    public CheckResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fixHint, "fixHint");
        Objects.requireNonNull(confirmation, "confirmation");
        if (!state.isFinal()) {
            throw new IllegalArgumentException("a check ends in a final state, not " + state.id());
        }
        if (reason.isPresent() != (state == CheckState.FAILED)) {
            throw new IllegalArgumentException("a failure, and only a failure, has a reason");
        }
        summary = Printable.clean(summary);
    }

    public static CheckResult passed(String summary) {
        return new CheckResult(CheckState.PASSED, summary, Optional.empty(), "", Optional.empty());
    }

    public static CheckResult failed(FailureReason reason, String summary, String fixHint) {
        return new CheckResult(CheckState.FAILED, summary, Optional.of(reason), fixHint, Optional.empty());
    }

    public static CheckResult skipped(String summary, String fixHint) {
        return new CheckResult(CheckState.SKIPPED, summary, Optional.empty(), fixHint, Optional.empty());
    }

    public static CheckResult needsOperator(String summary, String fixHint) {
        return new CheckResult(CheckState.NEEDS_OPERATOR, summary, Optional.empty(), fixHint, Optional.empty());
    }

    public static CheckResult confirmed(String summary, Confirmation confirmation) {
        return new CheckResult(CheckState.PASSED, summary, Optional.empty(), "", Optional.of(confirmation));
    }
}
