package io.stellaops.airlock.app.ui.start;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** The job picker ({@code start_main.fxml}): records the chosen job in the start model. */
public final class StartController {

    private final StartModel model;
    private final String version;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Label versionLabel;

    public StartController(StartModel model, String version) {
        this.model = model;
        this.version = version;
    }

    @FXML
    private void initialize() {
        versionLabel.setText(MessageFormat.format(resources.getString("start.main.version"), version));
    }

    @FXML
    private void chooseBuild() {
        model.select(Job.BUILD);
    }

    @FXML
    private void chooseVerify() {
        model.select(Job.VERIFY);
    }

    @FXML
    private void chooseImport() {
        model.select(Job.IMPORT);
    }

    @FXML
    private void chooseChecklist() {
        model.select(Job.CHECKLIST);
    }
}
