package io.stellaops.airlock.app.ui.kitimport;

import io.stellaops.airlock.app.ui.common.ErrorView;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.app.ui.controls.VerdictLine;
import io.stellaops.airlock.app.ui.controls.VerdictStatus;
import io.stellaops.airlock.app.ui.kitimport.ImportModel.State;
import io.stellaops.airlock.app.ui.verify.BundleFileChooser;
import io.stellaops.airlock.app.ui.verify.TrustPolicyChooser;
import io.stellaops.airlock.app.ui.verify.Verdicts;
import io.stellaops.airlock.app.ui.verify.Verdicts.Verdict;
import io.stellaops.airlock.bundle.kit.ImportResult;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.DirectoryChooser;

/**
 * Step 1 ({@code import_run.fxml}): bundle, kit folder and trust policy; "Check first" (a dry
 * run) and "Import", each showing the three verdict lines and the outcome: activated, already
 * active, or refused with the library's reason and the quarantine folder.
 */
public final class ImportRunController {

    private final ImportModel model;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Node root;
    @FXML
    private Label bundleLabel;
    @FXML
    private Label kitLabel;
    @FXML
    private Label trustLabel;
    @FXML
    private Label trustProblem;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private VerdictLine signedByLine;
    @FXML
    private VerdictLine contentsLine;
    @FXML
    private VerdictLine verifiedLine;
    @FXML
    private Label outcomeLabel;
    @FXML
    private Button checkButton;
    @FXML
    private Button importButton;
    @FXML
    private Button cancelButton;

    private Verdicts verdicts;

    public ImportRunController(ImportModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        verdicts = new Verdicts(resources);
        bundleLabel.textProperty().bind(pathText(model.bundleProperty(), "import.run.noBundle"));
        kitLabel.textProperty().bind(pathText(model.kitProperty(), "import.run.noKit"));
        trustLabel.textProperty().bind(pathText(model.trust().sourceProperty(), "import.run.noTrust"));
        trustProblem.textProperty().bind(model.trust().problemProperty());
        trustProblem.visibleProperty().bind(model.trust().problemProperty().isNotEmpty());
        trustProblem.managedProperty().bind(trustProblem.visibleProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        progressBar.visibleProperty().bind(model.stateProperty().isEqualTo(State.RUNNING));
        bind(signedByLine, verdicts::signedBy);
        bind(contentsLine, verdicts::contents);
        bind(verifiedLine, verdicts::verified);
        outcomeLabel.textProperty().bind(Bindings.createStringBinding(this::outcomeText,
                model.stateProperty(), model.resultProperty(), model.refusalProperty(), model.quarantinedInProperty()));
        model.stateProperty().addListener((observable, previous, state) -> {
            outcomeLabel.pseudoClassStateChanged(VerdictStatus.PASSED.pseudoClass(), state == State.DONE);
            outcomeLabel.pseudoClassStateChanged(VerdictStatus.FAILED.pseudoClass(),
                    state == State.REFUSED || state == State.FAILED);
        });
        checkButton.disableProperty().bind(model.canRun().not());
        importButton.disableProperty().bind(model.canRun().not());
        cancelButton.visibleProperty().bind(model.stateProperty().isEqualTo(State.RUNNING));
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        model.unexpectedProperty().addListener((observable, previous, error) -> {
            if (error != null) {
                ErrorView.show(root.getScene().getWindow(), resources, error);
            }
        });
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    private ObservableValue<String> pathText(ObservableValue<Path> path, String noneKey) {
        return Bindings.createStringBinding(() -> path.getValue() == null
                ? resources.getString(noneKey) : path.getValue().toString(), path);
    }

    /** Verdict lines: hidden in spirit (pending) until a check ran, then read off its report. */
    private void bind(VerdictLine line, Function<VerificationReport, Verdict> fromReport) {
        ObjectBinding<Verdict> verdict = Bindings.createObjectBinding(() -> {
            VerificationReport report = model.reportProperty().get();
            return report == null ? verdicts.notReached() : fromReport.apply(report);
        }, model.reportProperty());
        line.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get() == State.RUNNING
                ? verdicts.pending().text() : verdict.get().text(), verdict, model.stateProperty()));
        line.statusProperty().bind(Bindings.createObjectBinding(() -> model.stateProperty().get() == State.RUNNING
                ? VerdictStatus.PENDING : verdict.get().status(), verdict, model.stateProperty()));
    }

    private String outcomeText() {
        return switch (model.stateProperty().get()) {
            case IDLE, RUNNING -> "";
            case DONE -> done(model.resultProperty().get());
            case REFUSED -> {
                Path quarantine = model.quarantinedInProperty().get();
                yield quarantine == null
                        ? UiStrings.format(resources, "import.run.outcome.refusedUnchanged", model.refusalProperty().get())
                        : UiStrings.format(resources, "import.run.outcome.refused", model.refusalProperty().get(),
                                quarantine.toString());
            }
            case FAILED -> UiStrings.format(resources, "import.run.outcome.failed", model.refusalProperty().get());
            case CANCELLED -> resources.getString("import.run.outcome.cancelled");
        };
    }

    private String done(ImportResult result) {
        if (result == null) {
            return "";
        }
        KitEntry entry = result.entry();
        // Keys import.run.outcome.activated, .alreadyActive, .dryRun.
        String key = switch (result.outcome()) {
            case ACTIVATED -> "import.run.outcome.activated";
            case ALREADY_ACTIVE -> "import.run.outcome.alreadyActive";
            case DRY_RUN -> "import.run.outcome.dryRun";
        };
        return UiStrings.format(resources, key, entry.generation(), entry.name(), entry.version());
    }

    @FXML
    private void chooseBundle() {
        BundleFileChooser.open(root.getScene().getWindow(), resources, model.bundleProperty().get(),
                model.bundleFolderProperty().get())
                .ifPresent(model::chooseBundle);
    }

    @FXML
    private void chooseKit() {
        var chooser = new DirectoryChooser();
        chooser.setTitle(resources.getString("import.run.chooseKit.title"));
        Optional.ofNullable(model.kitProperty().get()).map(Path::toFile).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        Optional.ofNullable(chooser.showDialog(root.getScene().getWindow())).map(File::toPath).ifPresent(model::chooseKit);
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
    private void check() {
        model.check();
    }

    @FXML
    private void importBundle() {
        model.importBundle();
    }

    @FXML
    private void showStatus() {
        model.showStatus();
    }
}
