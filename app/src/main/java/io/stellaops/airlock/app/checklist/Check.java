package io.stellaops.airlock.app.checklist;

/**
 * One item of the runbook's operational checklist (section 6). A check asks its endpoints or reads
 * its files, records each question and answer in the {@link EvidenceLog}, and returns a
 * {@link CheckResult}. It never throws for what it finds: an unreachable server is a failed check,
 * not an exception. It must stop when its thread is interrupted, since the checklist bounds its time.
 */
public interface Check {
    /** Stable identifier for {@code --only}, the report and the wizard ({@code prometheus-scrape}). */
    String id();

    /** The runbook item, as the operator reads it. */
    String title();

    /** Runs the check once. */
    CheckResult run(EvidenceLog evidence) throws InterruptedException;
}
