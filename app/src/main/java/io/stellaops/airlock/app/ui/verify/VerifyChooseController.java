package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.common.FileDrop;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Step 1 ({@code verify_choose.fxml}): a bundle archive, chosen in a dialog or dropped onto the view. */
public final class VerifyChooseController {

    private final VerifyModel model;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label bundleLabel;
    @FXML
    private Button verifyButton;

    public VerifyChooseController(VerifyModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        FileDrop.install(root, model::chooseBundle);
        bundleLabel.textProperty().bind(Bindings.createStringBinding(() -> model.bundleProperty().get() == null
                ? resources.getString("verify.choose.noBundle")
                : model.bundleProperty().get().toString(), model.bundleProperty()));
        verifyButton.disableProperty().bind(model.canVerify().not());
    }

    @FXML
    private void chooseFile() {
        BundleFileChooser.open(root.getScene().getWindow(), resources, model.bundleProperty().get())
                .ifPresent(model::chooseBundle);
    }

    @FXML
    private void verify() {
        model.verify();
    }
}
