package io.stellaops.airlock.app.ui.kitimport;

/** The steps of the import flow, in order; each has its view {@code import_<step>.fxml}. */
public enum ImportStep {
    IMPORT("import_run"),
    STATUS("import_status");

    private final String view;

    ImportStep(String view) {
        this.view = view;
    }

    /** The FXML view name. */
    public String view() {
        return view;
    }
}
