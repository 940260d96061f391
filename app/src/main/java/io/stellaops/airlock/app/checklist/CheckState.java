package io.stellaops.airlock.app.checklist;

import java.util.Locale;

/**
 * Where a check is in its life: {@link #PENDING} until it runs, {@link #RUNNING} while it runs, then
 * one of the final states. A check can be run again from any final state (back to running).
 */
public enum CheckState {
    /** Not run yet. */
    PENDING,
    /** Running now. */
    RUNNING,
    /** Every probe gave the answer the runbook expects. */
    PASSED,
    /** At least one probe failed; the outcome names the first reason and a fix. */
    FAILED,
    /** Not run: its endpoints or files are not configured, or another check was selected. */
    SKIPPED,
    /** Only a person can say; passed once confirmed with who and when. */
    NEEDS_OPERATOR;

    /** "passed", "needs-operator": as printed and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the check has finished (any state but pending and running). */
    public boolean isFinal() {
        return this != PENDING && this != RUNNING;
    }
}
