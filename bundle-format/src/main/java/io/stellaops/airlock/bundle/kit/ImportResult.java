package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.util.List;

/**
 * The outcome of an import that was not refused.
 *
 * @param outcome  what happened
 * @param entry    the bundle, as recorded (or as it would be, for a dry run)
 * @param report   the verification report
 * @param repairs  what recovery repaired before the import started
 */
public record ImportResult(Outcome outcome, KitEntry entry, VerificationReport report, List<String> repairs) {
    public ImportResult {
        repairs = List.copyOf(repairs);
    }

    /** The closed set of successful outcomes. */
    public enum Outcome {
        /** Verified, extracted and activated. */
        ACTIVATED,
        /** The same bundle was already active: nothing changed. */
        ALREADY_ACTIVE,
        /** Verified only, as asked: nothing changed. */
        DRY_RUN
    }
}
