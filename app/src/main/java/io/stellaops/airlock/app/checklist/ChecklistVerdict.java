package io.stellaops.airlock.app.checklist;

import java.util.Collection;
import java.util.Locale;

/**
 * The checklist's verdict: passed only when no check failed, none waits for an operator and none is
 * left pending; skipped checks are allowed (they are listed, with why).
 */
public enum ChecklistVerdict {
    PASSED, FAILED, NEEDS_OPERATOR, INCOMPLETE;

    public static ChecklistVerdict of(Collection<CheckOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.state() == CheckState.FAILED)) {
            return FAILED;
        }
        if (outcomes.stream().anyMatch(o -> o.state() == CheckState.NEEDS_OPERATOR)) {
            return NEEDS_OPERATOR;
        }
        if (outcomes.stream().anyMatch(o -> !o.state().isFinal())) {
            return INCOMPLETE;
        }
        return PASSED;
    }

    /** "passed", "needs-operator": as printed and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
