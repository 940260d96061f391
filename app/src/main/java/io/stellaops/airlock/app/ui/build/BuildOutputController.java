package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.app.ui.common.UiStrings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;

/**
 * Step 3 ({@code build_output.fxml}): the archive file, whether an existing one may be replaced,
 * and a summary of what will be built. Build starts the run and moves to the last step.
 */
public final class BuildOutputController {

    private final BuildModel model;
    private final BuildRun run;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Label outputLabel;
    @FXML
    private CheckBox replaceCheck;
    @FXML
    private Label existsNote;
    @FXML
    private Label sourceSummary;
    @FXML
    private Label bundleSummary;
    @FXML
    private Label validitySummary;
    @FXML
    private Button buildButton;

    public BuildOutputController(BuildModel model, BuildRun run) {
        this.model = model;
        this.run = run;
    }

    @FXML
    private void initialize() {
        outputLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.output().get() == null ? "" : model.output().get().toString(), model.output()));
        replaceCheck.selectedProperty().bindBidirectional(model.replaceProperty());
        existsNote.visibleProperty().bind(model.outputExists().and(model.replaceProperty().not()));
        existsNote.managedProperty().bind(existsNote.visibleProperty());
        sourceSummary.textProperty().bind(Bindings.createStringBinding(() -> model.useSampleProperty().get()
                        ? resources.getString("build.output.summary.sample")
                        : String.valueOf(model.sourceFolderProperty().get()),
                model.useSampleProperty(), model.sourceFolderProperty()));
        bundleSummary.textProperty().bind(Bindings.createStringBinding(
                () -> UiStrings.format(resources, "build.output.summary.bundle", model.nameProperty().get(),
                        model.versionProperty().get(), model.generationProperty().get(),
                        model.compressionProperty().get().id()),
                model.nameProperty(), model.versionProperty(), model.generationProperty(), model.compressionProperty()));
        validitySummary.textProperty().bind(Bindings.createStringBinding(
                () -> UiStrings.format(resources, "build.output.summary.validity",
                        model.createdAtProperty().get().isBlank()
                                ? resources.getString("build.output.summary.now") : model.createdAtProperty().get(),
                        model.expiresInProperty().get()),
                model.createdAtProperty(), model.expiresInProperty()));
        buildButton.disableProperty().bind(model.outputValid().not().or(run.busyProperty()));
    }

    @FXML
    private void chooseFile() {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("build.output.chooseFile.title"));
        Path current = model.output().get();
        if (current != null) {
            chooser.setInitialFileName(current.getFileName().toString());
            if (current.getParent() != null && Files.isDirectory(current.getParent())) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
        }
        String suffix = model.compressionProperty().get().suffix();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                UiStrings.format(resources, "build.output.chooseFile.filter", suffix), "*" + suffix));
        File file = chooser.showSaveDialog(outputLabel.getScene().getWindow());
        if (file != null) {
            model.chooseOutput(file.toPath());
        }
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void build() {
        run.start();
    }
}
