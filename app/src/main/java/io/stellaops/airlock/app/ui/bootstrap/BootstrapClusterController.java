package io.stellaops.airlock.app.ui.bootstrap;

import java.io.File;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * Step 3 ({@code bootstrap_cluster.fxml}): the kubeconfig file and one of its contexts, the target
 * namespace, where the bundle files come from (the kit's active bundle or a source folder), and a
 * connection test that reads the namespace and says exactly why it could not.
 */
public final class BootstrapClusterController {

    private final BootstrapModel model;
    private final ClusterModel cluster;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label kubeconfigLabel;
    @FXML
    private ChoiceBox<String> contextChoice;
    @FXML
    private TextField namespaceField;
    @FXML
    private RadioButton kitRadio;
    @FXML
    private RadioButton folderRadio;
    @FXML
    private Label sourceLabel;
    @FXML
    private Button chooseKubeconfigButton;
    @FXML
    private Button chooseSourceButton;
    @FXML
    private Button testButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label workingLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private Label connectionLabel;
    @FXML
    private Label connectionProblem;
    @FXML
    private Button backButton;
    @FXML
    private Button nextButton;

    public BootstrapClusterController(BootstrapModel model) {
        this.model = model;
        this.cluster = model.cluster();
    }

    @FXML
    private void initialize() {
        kubeconfigLabel.textProperty().bind(Bindings.createStringBinding(() -> cluster.kubeconfigProperty().get() == null
                ? resources.getString("bootstrap.cluster.noKubeconfig") : cluster.kubeconfigProperty().get().toString(),
                cluster.kubeconfigProperty()));
        contextChoice.setItems(cluster.contexts());
        contextChoice.valueProperty().bindBidirectional(cluster.contextProperty());
        namespaceField.textProperty().bindBidirectional(cluster.namespaceProperty());
        // One of the two radios is always selected, whichever side changes the source kind.
        selectSource(cluster.sourceIsKitProperty().get());
        cluster.sourceIsKitProperty().addListener((observable, was, kit) -> selectSource(kit));
        kitRadio.getToggleGroup().selectedToggleProperty().addListener((observable, previous, now) -> {
            if (now != null) {
                cluster.sourceIsKitProperty().set(now == kitRadio);
            }
        });
        sourceLabel.textProperty().bind(Bindings.createStringBinding(() -> cluster.sourceProperty().get() == null
                ? resources.getString("bootstrap.cluster.noSource") : cluster.sourceProperty().get().toString(),
                cluster.sourceProperty()));
        var busy = cluster.busyProperty();
        for (Node node : new Node[] {chooseKubeconfigButton, contextChoice, namespaceField, kitRadio, folderRadio,
                chooseSourceButton, backButton}) {
            node.disableProperty().bind(busy);
        }
        testButton.disableProperty().bind(busy.or(cluster.kubeconfigProperty().isNull())
                .or(cluster.contextProperty().isNull()).or(cluster.namespaceProperty().isEmpty()));
        nextButton.disableProperty().bind(busy.or(cluster.connectionChosen().not()));
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);
        cancelButton.visibleProperty().bind(busy);
        cancelButton.managedProperty().bind(busy);
        workingLabel.textProperty().bind(cluster.workingProperty());
        show(connectionLabel, cluster.connectionProperty());
        show(connectionProblem, cluster.connectionProblemProperty());
    }

    private void selectSource(boolean kit) {
        (kit ? kitRadio : folderRadio).setSelected(true);
    }

    static void show(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void chooseKubeconfig() {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("bootstrap.cluster.chooseKubeconfig.title"));
        Path current = cluster.kubeconfigProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            cluster.chooseKubeconfig(chosen.toPath());
        }
    }

    @FXML
    private void chooseSource() {
        var chooser = new DirectoryChooser();
        chooser.setTitle(resources.getString(cluster.sourceIsKitProperty().get()
                ? "bootstrap.cluster.chooseKit.title" : "bootstrap.cluster.chooseFolder.title"));
        Path current = cluster.sourceProperty().get();
        if (current != null && current.toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toFile());
        }
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            cluster.sourceProperty().set(chosen.toPath());
        }
    }

    @FXML
    private void testConnection() {
        cluster.testConnection();
    }

    @FXML
    private void cancel() {
        cluster.cancel();
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
