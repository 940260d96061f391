package io.stellaops.airlock.app.ui.bootstrap;

import java.io.File;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;

/**
 * Step 4 ({@code bootstrap_plan.fxml}): the plan compared with the cluster as a table (per object
 * its action, per key its change and digests, never a value); the server's dry run; Apply, only
 * after the user confirmed what it will do; the outcome per object; and the YAML export, with the
 * Secret values only when the user asks for them.
 */
public final class BootstrapPlanController {

    private final BootstrapModel model;
    private final ClusterModel cluster;
    private final Runnable checklist;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label planHeader;
    @FXML
    private Button compareButton;
    @FXML
    private Button dryRunButton;
    @FXML
    private CheckBox takeOwnershipCheck;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label workingLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private TableView<PlanRow> planTable;
    @FXML
    private TableColumn<PlanRow, String> objectColumn;
    @FXML
    private TableColumn<PlanRow, String> actionColumn;
    @FXML
    private TableColumn<PlanRow, String> digestColumn;
    @FXML
    private TableColumn<PlanRow, String> outcomeColumn;
    @FXML
    private Label planSummary;
    @FXML
    private Label planProblem;
    @FXML
    private Button backButton;
    @FXML
    private CheckBox includeSecretsCheck;
    @FXML
    private Button exportButton;
    @FXML
    private Button applyButton;
    @FXML
    private Button checklistButton;

    public BootstrapPlanController(BootstrapModel model, Runnable checklist) {
        this.model = model;
        this.checklist = checklist;
        this.cluster = model.cluster();
    }

    @FXML
    private void initialize() {
        BootstrapClusterController.show(planHeader, cluster.planHeaderProperty());
        BootstrapClusterController.show(planSummary, cluster.planSummaryProperty());
        BootstrapClusterController.show(planProblem, cluster.planProblemProperty());
        takeOwnershipCheck.selectedProperty().bindBidirectional(cluster.takeOwnershipProperty());
        includeSecretsCheck.selectedProperty().bindBidirectional(cluster.includeSecretsProperty());
        var busy = cluster.busyProperty();
        for (Node node : new Node[] {compareButton, dryRunButton, takeOwnershipCheck, backButton, includeSecretsCheck,
                exportButton, checklistButton}) {
            node.disableProperty().bind(busy);
        }
        // Apply needs a plan on screen (compared, dry-run or applied) to confirm against.
        applyButton.disableProperty().bind(busy.or(javafx.beans.binding.Bindings.isEmpty(cluster.rows())));
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);
        cancelButton.visibleProperty().bind(busy);
        cancelButton.managedProperty().bind(busy);
        workingLabel.textProperty().bind(cluster.workingProperty());
        planTable.setItems(cluster.rows());
        cluster.unexpectedErrorProperty().addListener((observable, previous, error) -> {
            if (error != null && root.getScene() != null) {
                io.stellaops.airlock.app.ui.common.ErrorView.show(root.getScene().getWindow(), resources, error);
            }
        });
        // An object's row names it; its keys and metadata changes follow, indented, in the same column.
        column(objectColumn, row -> row.header() ? row.object() : "      " + row.key());
        column(actionColumn, PlanRow::action);
        column(digestColumn, PlanRow::digest);
        column(outcomeColumn, PlanRow::outcome);
        planTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(PlanRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("object"), !empty && row != null && row.header());
            }
        });
    }

    /** A text column whose cells show their whole text as a tooltip: ids and reasons are often wider than the column. */
    private static void column(TableColumn<PlanRow, String> column, Function<PlanRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean blank = empty || text == null || text.isEmpty();
                setText(blank ? null : text);
                setTooltip(blank ? null : new Tooltip(text));
            }
        });
    }

    @FXML
    private void compare() {
        cluster.compare();
    }

    @FXML
    private void dryRun() {
        cluster.dryRun();
    }

    @FXML
    private void cancel() {
        cluster.cancel();
    }

    /** Applies only after the user confirmed, in a dialog that names what will change and where. */
    @FXML
    private void apply() {
        ButtonType confirm = new ButtonType(resources.getString("bootstrap.plan.confirm.apply"), ButtonBar.ButtonData.OK_DONE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, cluster.confirmationText(), confirm, ButtonType.CANCEL);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(resources.getString("bootstrap.plan.confirm.title"));
        alert.setHeaderText(resources.getString("bootstrap.plan.confirm.header"));
        alert.getDialogPane().lookupButton(confirm).setId("confirmApplyButton");
        // Cancel is the default: Enter on the dialog must not apply.
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == confirm) {
            cluster.apply();
        }
    }

    @FXML
    private void export() {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("bootstrap.plan.export.title"));
        chooser.setInitialFileName("airlock-" + cluster.namespaceProperty().get() + ".yaml");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            cluster.export(chosen.toPath());
        }
    }

    /** Leaves the bootstrap for the operational checklist (runbook section 6), which checks what was applied. */
    @FXML
    private void openChecklist() {
        checklist.run();
    }

    @FXML
    private void back() {
        model.back();
    }
}
