package io.stellaops.airlock.app.ui.kitimport;

import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.kit.KitEvent;
import io.stellaops.airlock.bundle.kit.KitStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Step 2 ({@code import_status.fxml}): the kit's status as {@code airlock kit status} reads it
 * (active generation, expiry, quarantined bundles, receipts and their hash chain, history) and
 * "Roll back…", which asks for confirmation first; "Bootstrap the cluster…" leads to the bootstrap flow.
 */
public final class ImportStatusController {

    private final ImportModel model;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label kitLabel;
    @FXML
    private Label activeLabel;
    @FXML
    private Label expiresLabel;
    @FXML
    private Label quarantinedLabel;
    @FXML
    private Label receiptsLabel;
    @FXML
    private Label statusProblem;
    @FXML
    private TableView<KitEvent> historyTable;
    @FXML
    private TableColumn<KitEvent, String> atColumn;
    @FXML
    private TableColumn<KitEvent, String> actionColumn;
    @FXML
    private TableColumn<KitEvent, Long> generationColumn;
    @FXML
    private TableColumn<KitEvent, String> directoryColumn;
    @FXML
    private TableColumn<KitEvent, String> reasonColumn;
    @FXML
    private Button backButton;
    @FXML
    private Button refreshButton;
    @FXML
    private Button rollbackButton;

    @FXML
    private Button bootstrapButton;

    private final Runnable bootstrap;

    public ImportStatusController(ImportModel model, Runnable bootstrap) {
        this.model = model;
        this.bootstrap = bootstrap;
    }

    @FXML
    private void initialize() {
        kitLabel.textProperty().bind(Bindings.createStringBinding(() -> model.kitProperty().get() == null
                ? resources.getString("import.run.noKit") : model.kitProperty().get().toString(), model.kitProperty()));
        activeLabel.textProperty().bind(statusText(this::active));
        expiresLabel.textProperty().bind(statusText(this::expires));
        quarantinedLabel.textProperty().bind(statusText(status -> String.valueOf(status.quarantined())));
        receiptsLabel.textProperty().bind(statusText(status -> status.receiptChainProblem()
                .map(problem -> UiStrings.format(resources, "import.status.receipts.broken", status.receipts(), problem))
                .orElseGet(() -> UiStrings.format(resources, "import.status.receipts.intact", status.receipts()))));
        statusProblem.textProperty().bind(model.statusProblemProperty());
        statusProblem.visibleProperty().bind(model.statusProblemProperty().isNotEmpty());
        statusProblem.managedProperty().bind(statusProblem.visibleProperty());
        text(atColumn, event -> event.at().toString());
        text(actionColumn, KitEvent::action);
        generationColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().generation()));
        text(directoryColumn, KitEvent::directory);
        text(reasonColumn, event -> event.reason().orElse(""));
        model.statusProperty().addListener((observable, previous, status) -> historyTable.setItems(
                FXCollections.observableArrayList(status == null ? List.of() : newestFirst(status.state().history()))));
        backButton.disableProperty().bind(model.busyProperty());
        refreshButton.disableProperty().bind(model.busyProperty().or(model.kitProperty().isNull()));
        bootstrapButton.disableProperty().bind(model.busyProperty());
        rollbackButton.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(
                () -> model.statusProperty().get() == null || model.statusProperty().get().state().active().isEmpty(),
                model.statusProperty())));
    }

    private static List<KitEvent> newestFirst(List<KitEvent> history) {
        List<KitEvent> copy = new ArrayList<>(history);
        Collections.reverse(copy);
        return copy;
    }

    private StringBinding statusText(Function<KitStatus, String> read) {
        return Bindings.createStringBinding(() -> model.statusProperty().get() == null ? "—"
                : read.apply(model.statusProperty().get()), model.statusProperty());
    }

    private String active(KitStatus status) {
        if (status.state().active().isEmpty()) {
            return resources.getString("import.status.none");
        }
        KitEntry active = status.state().active().get();
        return UiStrings.format(resources, "import.status.activeValue", active.generation(), active.name(),
                active.version(), active.directory());
    }

    private String expires(KitStatus status) {
        return status.state().active().map(active -> UiStrings.format(resources,
                status.activeExpired() ? "import.status.expired" : "import.status.expiresValue",
                active.expiresAt().toString())).orElse("—");
    }

    private static void text(TableColumn<KitEvent, String> column, Function<KitEvent, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void bootstrap() {
        bootstrap.run();
    }

    @FXML
    private void refresh() {
        model.refreshStatus();
    }

    @FXML
    private void rollback() {
        var confirm = new Alert(Alert.AlertType.CONFIRMATION, resources.getString("import.status.rollback.text"),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle(resources.getString("import.status.rollback.title"));
        confirm.setHeaderText(resources.getString("import.status.rollback.header"));
        confirm.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.rollback());
    }
}
