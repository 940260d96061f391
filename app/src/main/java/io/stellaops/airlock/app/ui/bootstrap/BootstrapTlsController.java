package io.stellaops.airlock.app.ui.bootstrap;

import io.stellaops.airlock.app.pki.CheckStatus;
import io.stellaops.airlock.app.pki.TlsCheckItem;
import io.stellaops.airlock.app.pki.TlsCheckResult;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import java.io.File;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Step 1 ({@code bootstrap_tls.fxml}): the TLS folder; development material generated into it, or
 * existing material checked, and the check's items with their exact reasons.
 */
public final class BootstrapTlsController {

    private final BootstrapModel model;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label folderLabel;
    @FXML
    private TextField namespaceField;
    @FXML
    private TextField daysField;
    @FXML
    private ChoiceBox<KeyAlgorithm> keyTypeChoice;
    @FXML
    private CheckBox replaceCheck;
    @FXML
    private Button generateButton;
    @FXML
    private Label caLabel;
    @FXML
    private Label certificateLabel;
    @FXML
    private Label keyLabel;
    @FXML
    private Button checkButton;
    @FXML
    private Label tlsSummary;
    @FXML
    private Label tlsProblem;
    @FXML
    private ListView<TlsCheckItem> checkList;
    @FXML
    private Button chooseFolderButton;
    @FXML
    private Button chooseCaButton;
    @FXML
    private Button chooseCertificateButton;
    @FXML
    private Button chooseKeyButton;
    @FXML
    private Button nextButton;

    public BootstrapTlsController(BootstrapModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        folderLabel.textProperty().bind(pathText(model.folderProperty(), "bootstrap.tls.noFolder"));
        caLabel.textProperty().bind(pathText(model.caProperty(), "bootstrap.tls.noFile"));
        certificateLabel.textProperty().bind(pathText(model.certificateProperty(), "bootstrap.tls.noFile"));
        keyLabel.textProperty().bind(pathText(model.keyProperty(), "bootstrap.tls.noFile"));
        namespaceField.textProperty().bindBidirectional(model.namespaceProperty());
        daysField.textProperty().bindBidirectional(model.daysProperty());
        keyTypeChoice.getItems().setAll(KeyAlgorithm.values());
        keyTypeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeyAlgorithm type) {
                return type == null ? "" : type.id();
            }

            @Override
            public KeyAlgorithm fromString(String id) {
                throw new UnsupportedOperationException();
            }
        });
        keyTypeChoice.valueProperty().bindBidirectional(model.keyTypeProperty());
        replaceCheck.selectedProperty().bindBidirectional(model.replaceProperty());
        var busy = model.busyProperty();
        var noFolder = model.folderProperty().isNull();
        for (Button button : new Button[] {chooseFolderButton, chooseCaButton, chooseCertificateButton, chooseKeyButton}) {
            button.disableProperty().bind(busy);
        }
        generateButton.disableProperty().bind(busy.or(noFolder).or(model.namespaceProperty().isEmpty()));
        checkButton.disableProperty().bind(busy.or(model.caProperty().isNull()).or(model.certificateProperty().isNull())
                .or(model.keyProperty().isNull()));
        nextButton.disableProperty().bind(busy);
        tlsProblem.textProperty().bind(model.tlsProblemProperty());
        tlsProblem.visibleProperty().bind(model.tlsProblemProperty().isNotEmpty());
        tlsProblem.managedProperty().bind(tlsProblem.visibleProperty());
        tlsSummary.textProperty().bind(Bindings.createStringBinding(() -> summary(model.tlsResultProperty().get()),
                model.tlsResultProperty()));
        tlsSummary.visibleProperty().bind(model.tlsResultProperty().isNotNull());
        tlsSummary.managedProperty().bind(tlsSummary.visibleProperty());
        checkList.setItems(model.items());
        checkList.setCellFactory(list -> {
            var cell = new CheckItemCell();
            // Wrap the library's reasons inside the list rather than widening it.
            cell.setPrefWidth(0);
            return cell;
        });
    }

    private String summary(TlsCheckResult result) {
        if (result == null) {
            return "";
        }
        return UiStrings.format(resources, result.passed() ? "bootstrap.tls.passed" : "bootstrap.tls.failed",
                result.failures().size(), result.warnings().size());
    }

    private javafx.beans.binding.StringBinding pathText(ObjectProperty<Path> path, String none) {
        return Bindings.createStringBinding(() -> path.get() == null ? resources.getString(none) : path.get().toString(),
                path);
    }

    /** One check: an icon for pass, warn or fail, the check's id and the library's exact reason. */
    private static final class CheckItemCell extends ListCell<TlsCheckItem> {
        @Override
        protected void updateItem(TlsCheckItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("check-pass", "check-warn", "check-fail");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            var icon = new Label(icon(item.status()));
            icon.getStyleClass().add("check-icon");
            setGraphic(icon);
            setText(item.id() + ": " + item.detail());
            setWrapText(true);
            getStyleClass().add("check-" + item.status().id());
        }

        private static String icon(CheckStatus status) {
            return switch (status) {
                case PASS -> "✔";
                case WARN -> "!";
                case FAIL -> "✖";
            };
        }
    }

    @FXML
    private void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle(resources.getString("bootstrap.tls.chooseFolder.title"));
        if (model.folderProperty().get() != null) {
            chooser.setInitialDirectory(model.folderProperty().get().toFile());
        }
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.chooseFolder(chosen.toPath());
        }
    }

    @FXML
    private void chooseCa() {
        chooseFile(model.caProperty());
    }

    @FXML
    private void chooseCertificate() {
        chooseFile(model.certificateProperty());
    }

    @FXML
    private void chooseKey() {
        chooseFile(model.keyProperty());
    }

    private void chooseFile(ObjectProperty<Path> file) {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("bootstrap.tls.chooseFile.title"));
        if (file.get() != null && file.get().getParent() != null && file.get().getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(file.get().getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            file.set(chosen.toPath());
        }
    }

    @FXML
    private void generate() {
        model.generate();
    }

    @FXML
    private void check() {
        model.check();
    }

    @FXML
    private void next() {
        model.next();
    }
}
