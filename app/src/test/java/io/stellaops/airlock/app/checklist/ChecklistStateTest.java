package io.stellaops.airlock.app.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stellaops.airlock.app.checklist.ChecklistConfig.OperatorItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The checklist's state machine with checks made for the test: order, listeners, deadline, crashes, re-runs. */
class ChecklistStateTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    /** A check whose behaviour is a lambda. */
    record TestCheck(String id, Behaviour behaviour) implements Check {
        interface Behaviour {
            CheckResult run(EvidenceLog evidence) throws InterruptedException;
        }

        @Override
        public String title() {
            return "Test " + id;
        }

        @Override
        public CheckResult run(EvidenceLog evidence) throws InterruptedException {
            return behaviour.run(evidence);
        }
    }

    static TestCheck passing(String id) {
        return new TestCheck(id, evidence -> {
            evidence.add("ask " + id, "fine");
            return CheckResult.passed(id + " is fine");
        });
    }

    @Test
    void checksStartPendingAndTheListenerSeesRunningThenTheFinalStateInOrder() throws Exception {
        Checklist checklist = new Checklist(List.of(passing("a"), passing("b")), Duration.ofSeconds(5), CLOCK);
        assertThat(checklist.outcomes()).extracting(CheckOutcome::state).containsExactly(CheckState.PENDING, CheckState.PENDING);
        List<String> seen = new CopyOnWriteArrayList<>();
        checklist.addListener(o -> seen.add(o.id() + ":" + o.state().id()));

        List<CheckOutcome> outcomes = checklist.runAll();

        assertThat(seen).containsExactly("a:running", "a:passed", "b:running", "b:passed");
        assertThat(outcomes.get(0).evidence()).containsExactly(new Evidence("ask a", "fine", CLOCK.instant()));
        assertThat(outcomes.get(0).duration()).contains(Duration.ZERO);
        assertThat(ChecklistVerdict.of(outcomes)).isEqualTo(ChecklistVerdict.PASSED);
    }

    @Test
    void aCheckThatHangsIsStoppedAtItsDeadlineAndOneThatThrowsIsRecordedAndTheNextStillRuns() throws Exception {
        TestCheck hangs = new TestCheck("hangs", evidence -> {
            evidence.add("ask slowly", "nothing yet");
            Thread.sleep(60_000);
            return CheckResult.passed("never");
        });
        TestCheck throwing = new TestCheck("throws", evidence -> {
            throw new IllegalStateException("boom");
        });
        Checklist checklist = new Checklist(List.of(hangs, throwing, passing("after")), Duration.ofMillis(300),
                Clock.systemUTC());
        long start = System.nanoTime();

        checklist.runAll();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        CheckOutcome timedOut = checklist.outcome("hangs");
        assertThat(timedOut.state()).isEqualTo(CheckState.FAILED);
        assertThat(timedOut.reason()).contains(FailureReason.TIMEOUT);
        assertThat(timedOut.summary()).isEqualTo("the check did not finish within 300ms");
        assertThat(timedOut.evidence()).extracting(Evidence::request).containsExactly("ask slowly");
        CheckOutcome crashed = checklist.outcome("throws");
        assertThat(crashed.reason()).contains(FailureReason.INTERNAL);
        assertThat(crashed.summary()).isEqualTo("the check broke: IllegalStateException: boom");
        assertThat(checklist.outcome("after").state()).isEqualTo(CheckState.PASSED);
    }

    @Test
    void oneCheckRunsAgainAloneAndTheOthersKeepTheirOutcomes() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        TestCheck flaky = new TestCheck("flaky", evidence -> runs.incrementAndGet() == 1
                ? CheckResult.failed(FailureReason.UNREACHABLE, "down", "start it")
                : CheckResult.passed("up"));
        Checklist checklist = new Checklist(List.of(passing("a"), flaky), Duration.ofSeconds(5), CLOCK);
        checklist.runAll();
        assertThat(ChecklistVerdict.of(checklist.outcomes())).isEqualTo(ChecklistVerdict.FAILED);
        CheckOutcome first = checklist.outcome("a");

        checklist.run("flaky");

        assertThat(checklist.outcome("flaky").state()).isEqualTo(CheckState.PASSED);
        assertThat(checklist.outcome("a")).isSameAs(first);
        assertThat(ChecklistVerdict.of(checklist.outcomes())).isEqualTo(ChecklistVerdict.PASSED);
    }

    @Test
    void skippedChecksDoNotFailTheVerdictButPendingAndOperatorItemsDo() throws Exception {
        Confirmations confirmations = new Confirmations(CLOCK);
        Check operator = new OperatorCheck(new OperatorItem("slo-evaluator", "Alerts wired into SLO evaluator"), confirmations);
        Checklist checklist = new Checklist(List.of(passing("a"), passing("b"), operator), Duration.ofSeconds(5), CLOCK);
        checklist.run("a");
        assertThat(ChecklistVerdict.of(checklist.outcomes())).isEqualTo(ChecklistVerdict.INCOMPLETE);

        checklist.skip("b", "not selected (--only a)");
        checklist.run("slo-evaluator");
        assertThat(checklist.outcome("b").summary()).isEqualTo("not selected (--only a)");
        CheckOutcome waiting = checklist.outcome("slo-evaluator");
        assertThat(waiting.state()).isEqualTo(CheckState.NEEDS_OPERATOR);
        assertThat(waiting.fixHint()).contains("--confirm slo-evaluator=YOUR-NAME");
        assertThat(ChecklistVerdict.of(checklist.outcomes())).isEqualTo(ChecklistVerdict.NEEDS_OPERATOR);

        confirmations.confirm("slo-evaluator", "Alice Example");
        CheckOutcome confirmed = checklist.run("slo-evaluator");
        assertThat(confirmed.state()).isEqualTo(CheckState.PASSED);
        assertThat(confirmed.summary()).isEqualTo("confirmed by Alice Example at 2026-11-25T10:00:00Z");
        assertThat(confirmed.confirmation()).contains(new Confirmation("Alice Example", CLOCK.instant()));
        assertThat(ChecklistVerdict.of(checklist.outcomes())).isEqualTo(ChecklistVerdict.PASSED);
    }

    @Test
    void aCancelledRunLeavesTheInterruptedCheckPendingAndTheVerdictIncomplete() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        TestCheck slow = new TestCheck("slow", evidence -> {
            started.countDown();
            Thread.sleep(60_000);
            return CheckResult.passed("never");
        });
        Checklist checklist = new Checklist(List.of(passing("a"), slow, passing("b")), Duration.ofSeconds(30), CLOCK);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                checklist.runAll();
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        runner.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();
        runner.join(5000);

        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(checklist.outcomes()).extracting(CheckOutcome::state)
                .containsExactly(CheckState.PASSED, CheckState.PENDING, CheckState.PENDING);
        assertThat(ChecklistVerdict.of(checklist.outcomes())).isEqualTo(ChecklistVerdict.INCOMPLETE);
    }

    @Test
    void idsAreUniqueAndAnUnknownOneIsNamed() {
        assertThatThrownBy(() -> new Checklist(List.of(passing("a"), passing("a")), Duration.ofSeconds(1), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two checks have the id 'a'");
        Checklist checklist = new Checklist(List.of(passing("a")), Duration.ofSeconds(1), CLOCK);
        assertThatThrownBy(() -> checklist.run("b")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no check 'b'; the checks are a");
    }

    @Test
    void anOutcomeHasAReasonExactlyWhenItFailed() {
        assertThatThrownBy(() -> new CheckResult(CheckState.PASSED, "x", Optional.of(FailureReason.TLS), "",
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckResult(CheckState.RUNNING, "x", Optional.empty(), "",
                Optional.empty())).hasMessage("a check ends in a final state, not running");
        assertThat(CheckResult.passed("a\nb\u0000c").summary()).isEqualTo("a b c");
    }
}
