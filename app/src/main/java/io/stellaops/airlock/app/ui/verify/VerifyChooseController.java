package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.common.FileDrop;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.bundle.trust.TrustPolicy;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/**
 * Step 1 ({@code verify_choose.fxml}): a bundle archive, chosen in a dialog or dropped onto the
 * view, and optionally the trust policy its signatures are checked against.
 */
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
    @FXML
    private Label trustLabel;
    @FXML
    private Button trustClearButton;
    @FXML
    private Spinner<Integer> thresholdSpinner;
    @FXML
    private Label thresholdNote;
    @FXML
    private Label trustProblem;

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
        bindTrust(model.trust());
    }

    private void bindTrust(TrustChoice trust) {
        trustLabel.textProperty().bind(Bindings.createStringBinding(() -> trust.sourceProperty().get() == null
                ? resources.getString("verify.choose.trust.none")
                : trust.sourceProperty().get().toString(), trust.sourceProperty()));
        trustClearButton.disableProperty().bind(trust.sourceProperty().isNull());
        trustProblem.textProperty().bind(trust.problemProperty());
        trustProblem.visibleProperty().bind(trust.problemProperty().isNotEmpty());
        trustProblem.managedProperty().bind(trustProblem.visibleProperty());
        thresholdSpinner.disableProperty().bind(trust.policyProperty().isNull());
        thresholdNote.textProperty().bind(Bindings.createStringBinding(() -> trust.policyProperty().get() == null
                ? resources.getString("verify.choose.threshold.none")
                : UiStrings.format(resources, "verify.choose.threshold.note", trust.policyProperty().get().threshold()),
                trust.policyProperty()));
        trust.policyProperty().addListener((observable, previous, policy) -> useThresholdsOf(trust, policy));
        useThresholdsOf(trust, trust.policyProperty().get());
    }

    /** The spinner can only raise the policy's threshold, up to what its keys can ever meet. */
    private void useThresholdsOf(TrustChoice trust, TrustPolicy policy) {
        int min = policy == null ? 1 : policy.threshold();
        int max = policy == null ? 1 : Math.max(min, TrustChoice.maxThreshold(policy));
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, Math.max(min, trust.thresholdProperty().get()));
        thresholdSpinner.setValueFactory(factory);
        factory.valueProperty().addListener((observable, previous, value) -> {
            if (value != null) {
                trust.thresholdProperty().set(value);
            }
        });
        trust.thresholdProperty().set(factory.getValue());
    }

    @FXML
    private void chooseTrustFolder() {
        TrustPolicyChooser.folder(root.getScene().getWindow(), resources, model.trust().sourceProperty().get())
                .ifPresent(model.trust()::choose);
    }

    @FXML
    private void chooseTrustYaml() {
        TrustPolicyChooser.yaml(root.getScene().getWindow(), resources, model.trust().sourceProperty().get())
                .ifPresent(model.trust()::choose);
    }

    @FXML
    private void clearTrust() {
        model.trust().clear();
    }

    @FXML
    private void chooseFile() {
        BundleFileChooser.open(root.getScene().getWindow(), resources, model.bundleProperty().get(),
                model.bundleFolderProperty().get())
                .ifPresent(model::chooseBundle);
    }

    @FXML
    private void verify() {
        model.verify();
    }
}
