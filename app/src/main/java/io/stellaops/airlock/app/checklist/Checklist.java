package io.stellaops.airlock.app.checklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The operational checklist as a state machine, after Cryptomator's health checks: every check
 * starts {@link CheckState#PENDING}, becomes {@link CheckState#RUNNING}, and ends passed, failed,
 * skipped or needs-operator. Checks run one after the other, each on its own daemon thread with a
 * deadline, so that one that hangs or throws is recorded as failed and never stops the others. Any
 * check can be run again alone ({@link #run(String)}); the others keep their outcomes. One check runs
 * at a time: a second caller waits (interruptibly) for the running one to end.
 */
public final class Checklist {
    private final List<Check> checks;
    private final Duration deadline;
    private final Clock clock;
    private final Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
    private final List<ChecklistListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock running = new ReentrantLock();

    /**
     * @param checks   in the order they run and are reported; ids unique
     * @param deadline the most one check may take before it is stopped and recorded as timed out
     */
    public Checklist(List<Check> checks, Duration deadline, Clock clock) {
        this.checks = List.copyOf(checks);
        this.deadline = deadline;
        this.clock = clock;
        for (Check check : this.checks) {
            if (outcomes.put(check.id(), CheckOutcome.pending(check)) != null) {
                throw new IllegalArgumentException("two checks have the id '" + check.id() + "'");
            }
        }
    }

    public List<Check> checks() {
        return checks;
    }

    public List<String> ids() {
        return checks.stream().map(Check::id).toList();
    }

    public void addListener(ChecklistListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChecklistListener listener) {
        listeners.remove(listener);
    }

    /** Every check's current outcome, in checklist order. */
    public synchronized List<CheckOutcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    public synchronized CheckOutcome outcome(String id) {
        CheckOutcome outcome = outcomes.get(id);
        if (outcome == null) {
            throw new NoSuchElementException("no check '" + id + "'; the checks are " + String.join(", ", ids()));
        }
        return outcome;
    }

    /** Runs every check once, in order. */
    public List<CheckOutcome> runAll() throws InterruptedException {
        for (Check check : checks) {
            run(check);
        }
        return outcomes();
    }

    /** Runs one check (again); the others keep their outcomes. */
    public CheckOutcome run(String id) throws InterruptedException {
        return run(find(id));
    }

    /** Marks a check skipped without running it, saying why (for instance: another one was selected). */
    public CheckOutcome skip(String id, String why) {
        return record(CheckOutcome.skipped(find(id), why));
    }

    private Check find(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(
                () -> new NoSuchElementException("no check '" + id + "'; the checks are " + String.join(", ", ids())));
    }

    private CheckOutcome run(Check check) throws InterruptedException {
        running.lockInterruptibly();
        try {
            return runAlone(check);
        } finally {
            running.unlock();
        }
    }

    private CheckOutcome runAlone(Check check) throws InterruptedException {
        Instant started = clock.instant();
        record(CheckOutcome.running(check, started));
        EvidenceLog evidence = new EvidenceLog(clock);
        CheckResult result;
        try {
            result = bounded(check, evidence);
        } catch (InterruptedException e) {
            record(CheckOutcome.pending(check)); // cancelled: not run, rather than running forever
            throw e;
        }
        return record(CheckOutcome.finished(check, result, evidence.entries(), started, clock.instant()));
    }

    private CheckResult bounded(Check check, EvidenceLog evidence) throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "checklist-" + check.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<CheckResult> future = executor.submit(() -> check.run(evidence));
            try {
                return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return CheckResult.failed(FailureReason.TIMEOUT, "the check did not finish within " + Durations.format(deadline),
                        "An endpoint answers too slowly or hangs: see the evidence for the last request; raise"
                                + " timeouts.check in the configuration only if the endpoint is known to be slow.");
            } catch (ExecutionException e) {
                Throwable cause = Optional.ofNullable(e.getCause()).orElse(e);
                return CheckResult.failed(FailureReason.INTERNAL, "the check broke: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                        "This is a bug in Airlock; run again with AIRLOCK_DEBUG set and report the output.");
            } catch (InterruptedException e) {
                future.cancel(true);
                throw e;
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private CheckOutcome record(CheckOutcome outcome) {
        synchronized (this) {
            outcomes.put(outcome.id(), outcome);
        }
        for (ChecklistListener listener : new ArrayList<>(listeners)) {
            listener.changed(outcome);
        }
        return outcome;
    }
}
