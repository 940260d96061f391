package io.stellaops.airlock.app.ui.build;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.DirectoryChooser;

/** Step 1 ({@code build_source.fxml}): the embedded sample, or a folder the user chooses. */
public final class BuildSourceController {

    private final BuildModel model;

    @FXML
    private ResourceBundle resources;
    @FXML
    private RadioButton sampleRadio;
    @FXML
    private RadioButton folderRadio;
    @FXML
    private Label folderLabel;
    @FXML
    private Button nextButton;

    public BuildSourceController(BuildModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        sampleRadio.selectedProperty().bindBidirectional(model.useSampleProperty());
        folderRadio.setSelected(!model.useSampleProperty().get());
        model.useSampleProperty().addListener((observable, was, sample) -> folderRadio.setSelected(!sample));
        folderLabel.textProperty().bind(Bindings.createStringBinding(() -> model.sourceFolderProperty().get() == null
                ? resources.getString("build.source.noFolder")
                : model.sourceFolderProperty().get().toString(), model.sourceFolderProperty()));
        nextButton.disableProperty().bind(model.sourceValid().not());
    }

    @FXML
    private void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle(resources.getString("build.source.chooseFolder.title"));
        Path start = model.sourceFolderProperty().get() != null ? model.sourceFolderProperty().get()
                : model.browseFolderProperty().get();
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File folder = chooser.showDialog(folderLabel.getScene().getWindow());
        if (folder != null) {
            model.chooseSourceFolder(folder.toPath());
        }
    }

    @FXML
    private void next() {
        model.next();
    }
}
