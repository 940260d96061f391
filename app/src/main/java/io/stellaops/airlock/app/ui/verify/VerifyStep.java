package io.stellaops.airlock.app.ui.verify;

/** The steps of the verify flow, in order; each has its view {@code verify_<step>.fxml}. */
public enum VerifyStep {
    CHOOSE("verify_choose"),
    RESULT("verify_result");

    private final String view;

    VerifyStep(String view) {
        this.view = view;
    }

    /** The FXML view name. */
    public String view() {
        return view;
    }
}
