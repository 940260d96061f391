package io.stellaops.airlock.app.ui.controls;

import javafx.css.PseudoClass;

/** How a verdict line reads at a glance; each maps to a CSS pseudo-class that picks its icon and colour. */
public enum VerdictStatus {
    /** The check is running. */
    PENDING("pending"),
    /** The check passed. */
    PASSED("passed"),
    /** The check was deliberately not made, for example no trust policy was given. */
    SKIPPED("skipped"),
    /** The check failed. */
    FAILED("failed"),
    /** An earlier failure stopped verification before this check. */
    NOT_REACHED("not-reached");

    private final PseudoClass pseudoClass;

    VerdictStatus(String name) {
        this.pseudoClass = PseudoClass.getPseudoClass(name);
    }

    public PseudoClass pseudoClass() {
        return pseudoClass;
    }
}
