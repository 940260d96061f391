package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.app.ui.build.SignModel.State;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.bundle.build.BuildResult;
import io.stellaops.airlock.bundle.keys.KeyFiles;
import io.stellaops.airlock.bundle.sign.SignResult;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Step 5 ({@code build_sign.fxml}): signs the bundle just built with a key file (or one generated
 * in {@link GenerateKeyDialog}), its passphrase and optionally a certificate chain. The password
 * field is cleared as soon as its characters are handed to the model, when the step is left and
 * when the window hides.
 */
public final class BuildSignController {

    private final BuildModel model;
    private final BuildRun run;
    private final SignModel sign;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label archiveLabel;
    @FXML
    private Label keyLabel;
    @FXML
    private Label generatedLabel;
    @FXML
    private PasswordField passphraseField;
    @FXML
    private Label chainLabel;
    @FXML
    private Button clearChainButton;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label signedLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Button backButton;
    @FXML
    private Button signButton;

    public BuildSignController(BuildModel model, BuildRun run, SignModel sign) {
        this.model = model;
        this.run = run;
        this.sign = sign;
    }

    @FXML
    private void initialize() {
        archiveLabel.textProperty().bind(Bindings.createStringBinding(
                () -> archive().map(Path::toString).orElse(""), run.resultProperty()));
        keyLabel.textProperty().bind(pathText(sign.keyFileProperty(), "build.sign.noKey"));
        chainLabel.textProperty().bind(pathText(sign.certificateChainProperty(), "build.sign.noChain"));
        clearChainButton.disableProperty().bind(sign.certificateChainProperty().isNull());
        generatedLabel.textProperty().bind(Bindings.createStringBinding(this::generatedText, sign.generatedProperty()));
        showWhen(generatedLabel, sign.generatedProperty().isNotNull());
        showWhen(progressBar, sign.stateProperty().isEqualTo(State.RUNNING));
        signedLabel.textProperty().bind(Bindings.createStringBinding(this::signedText, sign.resultProperty()));
        showWhen(signedLabel, sign.stateProperty().isEqualTo(State.SIGNED));
        errorLabel.textProperty().bind(sign.problemProperty());
        showWhen(errorLabel, sign.stateProperty().isEqualTo(State.FAILED));
        signButton.disableProperty().bind(sign.busyProperty().or(sign.keyFileProperty().isNull())
                .or(run.resultProperty().isNull()));
        backButton.disableProperty().bind(sign.busyProperty());
        model.stepProperty().addListener((observable, previous, step) -> passphraseField.clear());
        root.sceneProperty().flatMap(scene -> scene.windowProperty()).flatMap(Window::showingProperty)
                .addListener((observable, wasShowing, showing) -> {
                    if (!Boolean.TRUE.equals(showing)) {
                        passphraseField.clear();
                    }
                });
    }

    private Optional<Path> archive() {
        return Optional.ofNullable(run.resultProperty().get()).map(BuildResult::archive);
    }

    private ObservableValue<String> pathText(ObservableValue<Path> path, String noneKey) {
        return Bindings.createStringBinding(() -> path.getValue() == null
                ? resources.getString(noneKey) : path.getValue().toString(), path);
    }

    private static void showWhen(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private String generatedText() {
        KeyFiles files = sign.generatedProperty().get();
        return files == null ? "" : UiStrings.format(resources,
                files.encrypted() ? "build.sign.generated.encrypted" : "build.sign.generated.plain",
                files.publicKey().toString(), files.keyId(), files.algorithm().id());
    }

    private String signedText() {
        SignResult result = sign.resultProperty().get();
        if (result == null) {
            return "";
        }
        return UiStrings.format(resources, result.added() ? "build.sign.signed" : "build.sign.alreadySigned",
                result.keyId(), result.signatureCount(), result.envelope().getFileName().toString());
    }

    @FXML
    private void chooseKey() {
        Path current = sign.keyFileProperty().get();
        if (current == null && sign.keyFolderProperty().get() != null) {
            // No key chosen yet: open where the last one was (the chooser opens in a file's folder).
            current = sign.keyFolderProperty().get().resolve("key.pem");
        }
        open("build.sign.chooseKey.title", "build.sign.filter.keys", current, "*.pem", "*.p12", "*.pfx")
                .ifPresent(sign.keyFileProperty()::set);
    }

    @FXML
    private void chooseChain() {
        open("build.sign.chooseChain.title", "build.sign.filter.certificates", sign.certificateChainProperty().get(),
                "*.pem", "*.crt").ifPresent(sign.certificateChainProperty()::set);
    }

    private Optional<Path> open(String titleKey, String filterKey, Path current, String... patterns) {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString(titleKey));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(resources.getString(filterKey), patterns),
                new FileChooser.ExtensionFilter(resources.getString("build.sign.filter.all"), "*"));
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        return Optional.ofNullable(chooser.showOpenDialog(root.getScene().getWindow())).map(File::toPath);
    }

    @FXML
    private void clearChain() {
        sign.certificateChainProperty().set(null);
    }

    @FXML
    private void generateKey() {
        Path folder = archive().map(Path::getParent).orElse(null);
        new GenerateKeyDialog(root.getScene().getWindow(), resources, folder).showAndWait().ifPresent(sign::generate);
    }

    @FXML
    private void sign() {
        char[] passphrase = passphraseField.getText().toCharArray();
        passphraseField.clear();
        sign.sign(archive().orElse(null), passphrase);
    }

    @FXML
    private void back() {
        model.back();
    }
}
