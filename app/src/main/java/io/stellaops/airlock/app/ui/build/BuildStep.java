package io.stellaops.airlock.app.ui.build;

/** The steps of the build flow, in order; each has its view {@code build_<step>.fxml}. */
public enum BuildStep {
    SOURCE("build_source"),
    METADATA("build_metadata"),
    OUTPUT("build_output"),
    RUN("build_run");

    private final String view;

    BuildStep(String view) {
        this.view = view;
    }

    /** The FXML view name. */
    public String view() {
        return view;
    }
}
