package io.stellaops.airlock.app.ui.checklist;

import io.stellaops.airlock.app.checklist.CheckOutcome;
import io.stellaops.airlock.app.checklist.CheckState;
import io.stellaops.airlock.app.checklist.Evidence;
import io.stellaops.airlock.app.ui.common.UiStrings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The checklist screen ({@code checklist_run.fxml}): choose the config, run the checks and watch
 * their states change, read the selected check's summary, fix and evidence, run it again, confirm
 * an operator item under the operator's name, and export the report. All work is the model's.
 */
public final class ChecklistController {
    private final ChecklistModel model;
    private final Path homeFolder;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Label configLabel;
    @FXML
    private Label problemLabel;
    @FXML
    private Label verdictLabel;
    @FXML
    private TableView<CheckRow> checksTable;
    @FXML
    private TableColumn<CheckRow, String> stateColumn;
    @FXML
    private TableColumn<CheckRow, String> checkColumn;
    @FXML
    private TableColumn<CheckRow, String> summaryColumn;
    @FXML
    private Label selectedSummary;
    @FXML
    private Label fixLabel;
    @FXML
    private Label confirmationLabel;
    @FXML
    private TableView<Evidence> evidenceTable;
    @FXML
    private TableColumn<Evidence, String> atColumn;
    @FXML
    private TableColumn<Evidence, String> requestColumn;
    @FXML
    private TableColumn<Evidence, String> responseColumn;
    @FXML
    private TextField operatorField;
    @FXML
    private Button confirmButton;
    @FXML
    private Button chooseConfigButton;
    @FXML
    private Button runAllButton;
    @FXML
    private Button rerunButton;
    @FXML
    private Button keyButton;
    @FXML
    private Label keyLabel;
    @FXML
    private PasswordField passphraseField;
    @FXML
    private Button exportButton;
    @FXML
    private Label exportedLabel;

    public ChecklistController(ChecklistModel model, Path homeFolder) {
        this.model = model;
        this.homeFolder = homeFolder;
    }

    @FXML
    private void initialize() {
        configLabel.textProperty().bind(Bindings.createStringBinding(() -> model.configProperty().get() == null
                ? resources.getString("checklist.run.noConfig") : model.configProperty().get().toString(),
                model.configProperty()));
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        verdictLabel.textProperty().bind(Bindings.createStringBinding(() -> model.verdictProperty().get() == null ? ""
                : resources.getString("checklist.verdict." + model.verdictProperty().get().id()), model.verdictProperty()));
        checksTable.setItems(model.rows());
        column(stateColumn, o -> state(o.state()));
        column(checkColumn, CheckOutcome::title);
        column(summaryColumn, CheckOutcome::summary);
        checksTable.getSelectionModel().selectedItemProperty().addListener((observable, previous, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((observable, previous, row) -> checksTable.getSelectionModel().select(row));
        ObservableValue<CheckOutcome> selected = Bindings.select(model.selectedProperty(), "outcome");
        selectedSummary.textProperty().bind(selectedText(selected, this::describe));
        fixLabel.textProperty().bind(selectedText(selected, o -> o.fixHint().isEmpty() ? ""
                : UiStrings.format(resources, "checklist.run.fix", o.fixHint())));
        fixLabel.visibleProperty().bind(fixLabel.textProperty().isNotEmpty());
        fixLabel.managedProperty().bind(fixLabel.visibleProperty());
        confirmationLabel.textProperty().bind(selectedText(selected, o -> o.confirmation().map(c -> UiStrings.format(
                resources, "checklist.run.confirmed", c.by(), c.at().toString())).orElse("")));
        confirmationLabel.visibleProperty().bind(confirmationLabel.textProperty().isNotEmpty());
        confirmationLabel.managedProperty().bind(confirmationLabel.visibleProperty());
        selected.addListener((observable, previous, outcome) -> evidenceTable.setItems(FXCollections.observableArrayList(
                outcome == null ? List.of() : outcome.evidence())));
        evidenceColumns();
        operatorField.textProperty().bindBidirectional(model.operatorProperty());
        BooleanBinding loaded = Bindings.isEmpty(model.rows());
        chooseConfigButton.disableProperty().bind(model.busyProperty());
        runAllButton.disableProperty().bind(model.busyProperty().or(loaded));
        rerunButton.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull()));
        confirmButton.disableProperty().bind(model.busyProperty().or(model.operatorProperty().isEmpty())
                .or(Bindings.createBooleanBinding(() -> selected.getValue() == null
                        || selected.getValue().state() != CheckState.NEEDS_OPERATOR, selected)));
        keyLabel.textProperty().bind(Bindings.createStringBinding(() -> model.signingKeyProperty().get() == null
                ? resources.getString("checklist.run.unsigned") : model.signingKeyProperty().get().toString(),
                model.signingKeyProperty()));
        keyButton.disableProperty().bind(model.busyProperty());
        exportButton.disableProperty().bind(model.busyProperty().or(loaded));
        exportedLabel.textProperty().bind(Bindings.createStringBinding(() -> model.exportedProperty().get() == null ? ""
                : UiStrings.format(resources, "checklist.run.exported", model.exportedProperty().get().json(),
                        model.exportedProperty().get().html(), model.exportedProperty().get().envelope()),
                model.exportedProperty()));
    }

    private void evidenceColumns() {
        atColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().at().toString()));
        requestColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().request()));
        responseColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().response()));
    }

    private String describe(CheckOutcome outcome) {
        String state = state(outcome.state());
        return outcome.reason().map(reason -> UiStrings.format(resources, "checklist.run.failedBecause", outcome.title(),
                state, reason.id(), outcome.summary()))
                .orElseGet(() -> UiStrings.format(resources, "checklist.run.outcome", outcome.title(), state,
                        outcome.summary()));
    }

    private String state(CheckState state) {
        return resources.getString("checklist.state." + state.id());
    }

    private static StringBinding selectedText(ObservableValue<CheckOutcome> selected, Function<CheckOutcome, String> text) {
        return Bindings.createStringBinding(() -> selected.getValue() == null ? "" : text.apply(selected.getValue()),
                selected);
    }

    private static void column(TableColumn<CheckRow, String> column, Function<CheckOutcome, String> value) {
        column.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue().outcome()),
                cell.getValue().outcomeProperty()));
    }

    @FXML
    private void chooseConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("checklist.run.configTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(resources.getString("checklist.run.configFilter"),
                "*.yaml", "*.yml"));
        chooser.setInitialDirectory(homeFolder.toFile());
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.load(file.toPath());
        }
    }

    @FXML
    private void runAll() {
        model.runAll();
    }

    @FXML
    private void rerun() {
        model.rerunSelected();
    }

    @FXML
    private void confirm() {
        model.confirmSelected();
    }

    @FXML
    private void chooseKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("checklist.run.keyTitle"));
        chooser.setInitialDirectory(homeFolder.toFile());
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.signingKeyProperty().set(file.toPath());
        }
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("checklist.run.exportTitle"));
        chooser.setInitialDirectory(homeFolder.toFile());
        chooser.setInitialFileName("checklist-report.json");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            char[] passphrase = passphraseField.getText().toCharArray();
            passphraseField.clear();
            model.export(file.toPath(), passphrase);
        }
    }

    private Window window() {
        return checksTable.getScene().getWindow();
    }
}
