package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.Passphrase;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Generate a key…": the key type, the path prefix of the two files and an optional passphrase
 * typed twice. Returns a {@link KeyRequest} through its result converter; Generate stays disabled
 * until a prefix is given and both passphrases match. Both password fields are cleared when the
 * dialog closes, whichever button closed it.
 */
final class GenerateKeyDialog extends Dialog<KeyRequest> {

    private final ChoiceBox<KeyAlgorithm> typeChoice = new ChoiceBox<>();
    private final TextField prefixField = new TextField();
    private final PasswordField passphraseField = new PasswordField();
    private final PasswordField repeatField = new PasswordField();

    GenerateKeyDialog(Window owner, ResourceBundle resources, Path folder) {
        initOwner(owner);
        setTitle(resources.getString("build.sign.generate.title"));
        setHeaderText(resources.getString("build.sign.generate.header"));
        getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        getDialogPane().getStyleClass().add("generate-key-dialog");
        typeChoice.setId("keyTypeChoice");
        typeChoice.getItems().setAll(KeyAlgorithm.values());
        typeChoice.setValue(KeyAlgorithm.ED25519);
        typeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeyAlgorithm algorithm) {
                return algorithm == null ? "" : algorithm.id();
            }

            @Override
            public KeyAlgorithm fromString(String id) {
                return KeyAlgorithm.fromId(id).orElse(null);
            }
        });
        prefixField.setId("keyPrefixField");
        if (folder != null) {
            prefixField.setText(folder.resolve("signing").toString());
        }
        passphraseField.setId("keyPassphraseField");
        repeatField.setId("keyRepeatField");
        var mismatch = new Label(resources.getString("build.sign.generate.mismatch"));
        mismatch.setId("keyMismatchLabel");
        mismatch.getStyleClass().add("field-hint");
        BooleanBinding differ = Bindings.createBooleanBinding(
                () -> !passphraseField.getText().equals(repeatField.getText()),
                passphraseField.textProperty(), repeatField.textProperty());
        mismatch.visibleProperty().bind(differ);
        var note = new Label(resources.getString("build.sign.generate.note"));
        note.getStyleClass().add("note");
        note.setWrapText(true);

        var browse = new Button(resources.getString("build.sign.generate.browse"));
        browse.setOnAction(event -> choosePrefix(resources));
        HBox.setHgrow(prefixField, Priority.ALWAYS);
        var grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.addRow(0, label(resources, "build.sign.generate.type"), typeChoice);
        grid.addRow(1, label(resources, "build.sign.generate.prefix"), new HBox(8, prefixField, browse));
        grid.addRow(2, label(resources, "build.sign.generate.passphrase"), passphraseField);
        grid.addRow(3, label(resources, "build.sign.generate.repeat"), repeatField);
        grid.add(mismatch, 1, 4);
        grid.add(note, 0, 5, 2, 1);
        grid.setPrefWidth(560);
        getDialogPane().setContent(grid);

        var generate = new ButtonType(resources.getString("build.sign.generate.ok"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(generate, ButtonType.CANCEL);
        Button generateButton = (Button) getDialogPane().lookupButton(generate);
        generateButton.setId("generateButton");
        generateButton.disableProperty().bind(differ.or(prefixField.textProperty().isEmpty()));
        setResultConverter(button -> button == generate ? request() : null);
        setOnHidden(event -> {
            passphraseField.clear();
            repeatField.clear();
        });
    }

    private KeyRequest request() {
        char[] chars = passphraseField.getText().toCharArray();
        passphraseField.clear();
        repeatField.clear();
        Optional<Passphrase> passphrase = chars.length == 0 ? Optional.empty() : Optional.of(Passphrase.wrap(chars));
        return new KeyRequest(typeChoice.getValue(), prefixField.getText().strip(), passphrase);
    }

    private void choosePrefix(ResourceBundle resources) {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("build.sign.generate.prefix"));
        File chosen = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (chosen != null) {
            prefixField.setText(chosen.getPath());
        }
    }

    private static Label label(ResourceBundle resources, String key) {
        var label = new Label(resources.getString(key));
        label.getStyleClass().add("field-label");
        return label;
    }
}
