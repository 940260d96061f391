package io.stellaops.airlock.app.ui.start;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/**
 * Stand-in for the first step of the chosen flow ({@code start_next.fxml}) until that flow
 * exists: it names the job, says the flow comes next, and leads back to the start screen.
 */
public final class StartNextController {

    private final StartModel model;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Label jobTitleLabel;

    public StartNextController(StartModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        // Bound rather than set once: the scene is built before any job is chosen and reused.
        jobTitleLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.getSelectedJob() == null ? "" : resources.getString(model.getSelectedJob().titleKey()),
                model.selectedJobProperty()));
    }

    @FXML
    private void backToStart() {
        model.clear();
    }
}
