package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.bundle.archive.Compression;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * Step 2 ({@code build_metadata.fxml}): name, version, generation, creation time, validity and
 * compression. Under each field one line shows the field's hint, or the library's message while
 * the value breaks a rule; Next stays disabled until every field is valid.
 */
public final class BuildMetadataController {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final BuildModel model;

    @FXML
    private TextField nameField;
    @FXML
    private Label nameHint;
    @FXML
    private TextField versionField;
    @FXML
    private Label versionHint;
    @FXML
    private TextField generationField;
    @FXML
    private Label generationHint;
    @FXML
    private TextField createdAtField;
    @FXML
    private Label createdAtHint;
    @FXML
    private TextField expiresInField;
    @FXML
    private Label expiresInHint;
    @FXML
    private ChoiceBox<Compression> compressionChoice;
    @FXML
    private Button nextButton;

    public BuildMetadataController(BuildModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        field(nameField, nameHint, model.nameProperty(), model.nameProblem());
        field(versionField, versionHint, model.versionProperty(), model.versionProblem());
        field(generationField, generationHint, model.generationProperty(), model.generationProblem());
        field(createdAtField, createdAtHint, model.createdAtProperty(), model.createdAtProblem());
        field(expiresInField, expiresInHint, model.expiresInProperty(), model.expiresInProblem());
        compressionChoice.getItems().setAll(Compression.values());
        compressionChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Compression compression) {
                return compression == null ? "" : compression.id() + "  (" + compression.suffix() + ")";
            }

            @Override
            public Compression fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        compressionChoice.valueProperty().bindBidirectional(model.compressionProperty());
        nextButton.disableProperty().bind(model.metadataValid().not());
    }

    /** Binds a field to the model; its hint line (text from FXML) gives way to the problem while there is one. */
    private static void field(TextField field, Label hint, StringProperty value, StringBinding problem) {
        field.textProperty().bindBidirectional(value);
        String hintText = hint.getText();
        hint.textProperty().bind(Bindings.when(problem.isEmpty()).then(hintText).otherwise(problem));
        problem.addListener((observable, previous, now) -> markInvalid(field, hint, !now.isEmpty()));
        markInvalid(field, hint, !problem.get().isEmpty());
    }

    private static void markInvalid(TextField field, Label hint, boolean invalid) {
        field.pseudoClassStateChanged(INVALID, invalid);
        hint.pseudoClassStateChanged(INVALID, invalid);
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void next() {
        model.next();
    }
}
