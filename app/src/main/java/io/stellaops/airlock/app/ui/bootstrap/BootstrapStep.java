package io.stellaops.airlock.app.ui.bootstrap;

/** The steps of the bootstrap flow, in order; each has its view {@code bootstrap_<step>.fxml}. */
public enum BootstrapStep {
    TLS("bootstrap_tls"),
    TOKEN("bootstrap_token"),
    CLUSTER("bootstrap_cluster"),
    PLAN("bootstrap_plan");

    private final String view;

    BootstrapStep(String view) {
        this.view = view;
    }

    /** The FXML view name. */
    public String view() {
        return view;
    }
}
