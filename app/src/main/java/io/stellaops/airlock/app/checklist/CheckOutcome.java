package io.stellaops.airlock.app.checklist;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one check as the checklist and its report show it: what it is, where it is, what it
 * found and how to fix it, with the evidence of every probe.
 *
 * @param id           stable identifier ({@code prometheus-scrape}, {@code slo-evaluator})
 * @param title        the runbook item it checks
 * @param state        where it is
 * @param summary      one line: what was found (empty while pending)
 * @param reason       present exactly when failed
 * @param fixHint      what to do (empty when passed)
 * @param evidence     what was asked and answered, in order
 * @param startedAt    when it last started, once it ran
 * @param duration     how long it took, once finished
 * @param confirmation who confirmed an operator item, and when
 */
public record CheckOutcome(String id, String title, CheckState state, String summary, Optional<FailureReason> reason,
        String fixHint, List<Evidence> evidence, Optional<Instant> startedAt, Optional<Duration> duration,
        Optional<Confirmation> confirmation) {
    public CheckOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fixHint, "fixHint");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(confirmation, "confirmation");
        if (reason.isPresent() != (state == CheckState.FAILED)) {
            throw new IllegalArgumentException("a failure, and only a failure, has a reason");
        }
    }

    static CheckOutcome pending(Check check) {
        return new CheckOutcome(check.id(), check.title(), CheckState.PENDING, "", Optional.empty(), "", List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    static CheckOutcome skipped(Check check, String why) {
        return new CheckOutcome(check.id(), check.title(), CheckState.SKIPPED, Printable.clean(why), Optional.empty(), "",
                List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static CheckOutcome running(Check check, Instant at) {
        return new CheckOutcome(check.id(), check.title(), CheckState.RUNNING, "running", Optional.empty(), "", List.of(),
                Optional.of(at), Optional.empty(), Optional.empty());
    }

    static CheckOutcome finished(Check check, CheckResult result, List<Evidence> evidence, Instant started, Instant ended) {
        return new CheckOutcome(check.id(), check.title(), result.state(), result.summary(), result.reason(),
                result.fixHint(), evidence, Optional.of(started), Optional.of(Duration.between(started, ended)),
                result.confirmation());
    }

    /** Whether it ended passed. */
    public boolean passed() {
        return state == CheckState.PASSED;
    }
}
