package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.app.ui.build.BuildRun.State;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.build.BuildResult;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;

/**
 * Step 4 ({@code build_run.fxml}): progress and Cancel while the build runs, then what was
 * written, or the library's message exactly as the CLI prints it after "airlock: build: ".
 */
public final class BuildRunController {

    private final BuildModel model;
    private final BuildRun run;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node runningPane;
    @FXML
    private Label phaseLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Button cancelButton;
    @FXML
    private Node succeededPane;
    @FXML
    private TextField archiveField;
    @FXML
    private TextField sha256Field;
    @FXML
    private Label filesLabel;
    @FXML
    private Label sizeLabel;
    @FXML
    private Label validLabel;
    @FXML
    private Label sidecarLabel;
    @FXML
    private Node failedPane;
    @FXML
    private Label errorLabel;
    @FXML
    private Node cancelledPane;
    @FXML
    private Button backButton;
    @FXML
    private Button retryButton;

    public BuildRunController(BuildModel model, BuildRun run) {
        this.model = model;
        this.run = run;
    }

    @FXML
    private void initialize() {
        showWhen(runningPane, inState(State.RUNNING).or(inState(State.CANCELLING)));
        showWhen(succeededPane, inState(State.SUCCEEDED));
        showWhen(failedPane, inState(State.FAILED));
        showWhen(cancelledPane, inState(State.CANCELLED));
        progressBar.progressProperty().bind(run.progressProperty());
        phaseLabel.textProperty().bind(Bindings.createStringBinding(this::phaseText, run.phaseProperty(), run.stateProperty()));
        cancelButton.disableProperty().bind(inState(State.CANCELLING));
        backButton.disableProperty().bind(run.busyProperty());
        showWhen(retryButton, inState(State.FAILED).or(inState(State.CANCELLED)));
        retryButton.disableProperty().bind(run.busyProperty());
        errorLabel.textProperty().bind(Bindings.createStringBinding(this::errorText, run.failureProperty()));
        run.resultProperty().addListener((observable, previous, result) -> showResult(result));
    }

    private BooleanBinding inState(State state) {
        return run.stateProperty().isEqualTo(state);
    }

    private static void showWhen(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private String phaseText() {
        if (run.stateProperty().get() == State.CANCELLING) {
            return resources.getString("build.run.phase.cancelling");
        }
        return switch (run.phaseProperty().get()) {
            case "hash" -> resources.getString("build.run.phase.hash");
            case "write" -> resources.getString("build.run.phase.write");
            default -> resources.getString("build.run.phase.preparing");
        };
    }

    /** The library's refusal as its message alone, as the CLI prints it; anything else as the CLI's "unexpected error". */
    private String errorText() {
        Exception failure = run.failureProperty().get();
        if (failure == null) {
            return "";
        }
        return failure instanceof BundleException ? failure.getMessage()
                : UiStrings.format(resources, "build.run.unexpected", failure.toString());
    }

    private void showResult(BuildResult result) {
        if (result == null) {
            return;
        }
        archiveField.setText(result.archive().toString());
        sha256Field.setText(result.sha256());
        filesLabel.setText(UiStrings.format(resources, "build.run.result.files",
                result.manifest().files().size(), result.manifest().totalSize()));
        sizeLabel.setText(UiStrings.format(resources, "build.run.result.size", result.size()));
        validLabel.setText(UiStrings.format(resources, "build.run.result.valid",
                result.manifest().createdAt().toString(), result.manifest().expiresAt().toString()));
        sidecarLabel.setText(result.sha256Sidecar().getFileName().toString());
    }

    @FXML
    private void cancel() {
        run.cancel();
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void retry() {
        run.start();
    }
}
