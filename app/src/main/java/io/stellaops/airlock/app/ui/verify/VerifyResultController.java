package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.common.FileDrop;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.app.ui.controls.VerdictLine;
import io.stellaops.airlock.app.ui.verify.Verdicts.Verdict;
import io.stellaops.airlock.bundle.verify.CheckStatus;
import io.stellaops.airlock.bundle.verify.FileResult;
import io.stellaops.airlock.bundle.verify.SignatureOutcome;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.io.File;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;

/**
 * Step 2 ({@code verify_result.fxml}): the three verdict lines, the signature table (when a trust
 * policy was given), the file table and the report export (JSON or HTML). Another bundle can be chosen or dropped here; it replaces the verification in flight.
 */
public final class VerifyResultController {

    private final VerifyModel model;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label bundleNameLabel;
    @FXML
    private Label bundleDetailsLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private VerdictLine signedByLine;
    @FXML
    private VerdictLine contentsLine;
    @FXML
    private VerdictLine verifiedLine;
    @FXML
    private TableView<SignatureResult> signatureTable;
    @FXML
    private TableColumn<SignatureResult, String> signerColumn;
    @FXML
    private TableColumn<SignatureResult, String> algorithmColumn;
    @FXML
    private TableColumn<SignatureResult, String> keyIdColumn;
    @FXML
    private TableColumn<SignatureResult, SignatureOutcome> outcomeColumn;
    @FXML
    private TableColumn<SignatureResult, String> detailColumn;
    @FXML
    private TableView<FileResult> fileTable;
    @FXML
    private TableColumn<FileResult, String> pathColumn;
    @FXML
    private TableColumn<FileResult, Long> sizeColumn;
    @FXML
    private TableColumn<FileResult, String> roleColumn;
    @FXML
    private TableColumn<FileResult, String> sha256Column;
    @FXML
    private TableColumn<FileResult, CheckStatus> statusColumn;
    @FXML
    private Button exportButton;
    @FXML
    private Label exportLabel;

    private Verdicts verdicts;

    public VerifyResultController(VerifyModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        verdicts = new Verdicts(resources);
        FileDrop.install(root, model::verify);
        bundleNameLabel.textProperty().bind(Bindings.createStringBinding(() -> model.bundleProperty().get() == null
                ? "" : String.valueOf(model.bundleProperty().get().getFileName()), model.bundleProperty()));
        bundleDetailsLabel.textProperty().bind(Bindings.createStringBinding(this::details, model.reportProperty()));
        progressBar.progressProperty().bind(model.progressProperty());
        progressBar.visibleProperty().bind(model.stateProperty().isEqualTo(VerifyModel.State.RUNNING));
        bind(signedByLine, verdicts::signedBy, false);
        bind(contentsLine, verdicts::contents, false);
        bind(verifiedLine, verdicts::verified, true);
        FileTableColumns.setUp(verdicts, pathColumn, sizeColumn, roleColumn, sha256Column, statusColumn);
        fileTable.setItems(model.files());
        SignatureTableColumns.setUp(resources, signerColumn, algorithmColumn, keyIdColumn, outcomeColumn, detailColumn);
        signatureTable.setItems(model.signatures());
        signatureTable.visibleProperty().bind(Bindings.isNotEmpty(model.signatures()));
        signatureTable.managedProperty().bind(signatureTable.visibleProperty());
        exportButton.disableProperty().bind(model.reportProperty().isNull());
        exportLabel.textProperty().bind(Bindings.createStringBinding(() -> model.exportedToProperty().get() != null
                        ? UiStrings.format(resources, "verify.result.exported", model.exportedToProperty().get().toString())
                        : model.exportProblemProperty().get(),
                model.exportedToProperty(), model.exportProblemProperty()));
    }

    /** Binds a verdict line to the model: pending while running, then read off the report. */
    private void bind(VerdictLine line, Function<VerificationReport, Verdict> fromReport, boolean showsErrors) {
        ObjectBinding<Verdict> verdict = Bindings.createObjectBinding(() -> {
            VerificationReport report = model.reportProperty().get();
            return switch (model.stateProperty().get()) {
                case IDLE, RUNNING -> verdicts.pending();
                case DONE -> report == null ? verdicts.pending() : fromReport.apply(report);
                case FAILED -> showsErrors ? verdicts.error(model.failureProperty().get()) : verdicts.notReached();
            };
        }, model.stateProperty(), model.reportProperty(), model.failureProperty());
        line.textProperty().bind(Bindings.createStringBinding(() -> verdict.get().text(), verdict));
        line.statusProperty().bind(Bindings.createObjectBinding(() -> verdict.get().status(), verdict));
    }

    private String details() {
        VerificationReport report = model.reportProperty().get();
        if (report == null || report.manifest().isEmpty()) {
            return "";
        }
        var manifest = report.manifest().get();
        return UiStrings.format(resources, "verify.result.details", manifest.name(), manifest.version(),
                manifest.generation(), manifest.createdAt().toString(), manifest.expiresAt().toString());
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void verifyAnother() {
        BundleFileChooser.open(root.getScene().getWindow(), resources, model.bundleProperty().get(),
                model.bundleFolderProperty().get())
                .ifPresent(model::verify);
    }

    @FXML
    private void exportReport() {
        var chooser = new FileChooser();
        chooser.setTitle(resources.getString("verify.result.export.dialogTitle"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(resources.getString("verify.result.export.filter"), "*.json"),
                new FileChooser.ExtensionFilter(resources.getString("verify.result.export.filterHtml"), "*.html"));
        model.defaultExportFile().ifPresent(file -> {
            chooser.setInitialFileName(file.getFileName().toString());
            if (file.getParent() != null && file.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(file.getParent().toFile());
            }
        });
        File target = chooser.showSaveDialog(root.getScene().getWindow());
        if (target != null) {
            boolean htmlChosen = chooser.getSelectedExtensionFilter() == chooser.getExtensionFilters().get(1);
            model.exportReport(ReportExport.withFormat(target.toPath(), htmlChosen));
        }
    }
}
