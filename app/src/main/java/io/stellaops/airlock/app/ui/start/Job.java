package io.stellaops.airlock.app.ui.start;

/** The jobs the start screen offers, one per kind of user and moment in the design notes. */
public enum Job {
    /** Air-gap operator, connected side. */
    BUILD("start.next.build.title"),
    /** Security reviewer, anywhere. */
    VERIFY("start.next.verify.title"),
    /** Operator or field engineer, disconnected side. */
    IMPORT("start.next.import.title"),
    /** Operator, disconnected side, after the deployment: the runbook's operational checklist. */
    CHECKLIST("start.next.checklist.title");

    private final String titleKey;

    Job(String titleKey) {
        this.titleKey = titleKey;
    }

    /** The i18n key of the job's title without a mnemonic, for headings. */
    public String titleKey() {
        return titleKey;
    }
}
