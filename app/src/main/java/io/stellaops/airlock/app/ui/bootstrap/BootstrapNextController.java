package io.stellaops.airlock.app.ui.bootstrap;

import javafx.fxml.FXML;

/** Step 3 ({@code bootstrap_next.fxml}): what comes after the TLS material and the token. */
public final class BootstrapNextController {

    private final BootstrapModel model;

    public BootstrapNextController(BootstrapModel model) {
        this.model = model;
    }

    @FXML
    private void back() {
        model.back();
    }
}
