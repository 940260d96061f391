package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.common.BackgroundTask;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.verify.Authentication;
import io.stellaops.airlock.bundle.verify.FileResult;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The verify flow's state: the chosen bundle, the step, and the verification in flight or its
 * report. Starting a new verification cancels the one in flight, and every outcome carries the
 * ticket it was started with: only the latest ticket may touch the screen, so a slow, stale
 * result (one that finished anyway, because the cancel came too late) is dropped.
 */
public final class VerifyModel {

    /** Where the verification is; {@link #FAILED} is an unexpected error, a refusal is {@link #DONE} with its report. */
    public enum State { IDLE, RUNNING, DONE, FAILED }

    private final VerifyService service;
    private final TaskExecutor executor;
    private final ReportExport export = new ReportExport();
    private final TrustChoice trust;
    private final ReadOnlyObjectWrapper<VerifyStep> step = new ReadOnlyObjectWrapper<>(this, "step", VerifyStep.CHOOSE);
    private final ReadOnlyObjectWrapper<Path> bundle = new ReadOnlyObjectWrapper<>(this, "bundle");
    private final ObjectProperty<Path> bundleFolder =
            new SimpleObjectProperty<>(this, "bundleFolder");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<VerificationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<FileResult> files = FXCollections.observableArrayList();
    private final ObservableList<SignatureResult> signatures = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Exception> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Path> exportedTo = new ReadOnlyObjectWrapper<>(this, "exportedTo");
    private final ReadOnlyStringWrapper exportProblem = new ReadOnlyStringWrapper(this, "exportProblem", "");
    private BackgroundTask<VerificationReport> running;
    private long ticket;

    public VerifyModel(VerifyService service, TaskExecutor executor) {
        this.service = service;
        this.executor = executor;
        this.trust = new TrustChoice(executor);
    }

    /** The trust policy chosen on the first step; none means integrity only. */
    public TrustChoice trust() {
        return trust;
    }

    /** The file chooser and a drop on the first step write here. */
    public void chooseBundle(Path archive) {
        bundle.set(archive);
        if (archive != null && archive.toAbsolutePath().getParent() != null) {
            bundleFolder.set(archive.toAbsolutePath().getParent());
        }
    }

    /** Verifies the chosen bundle and shows the result step. */
    public void verify() {
        Path archive = bundle.get();
        if (archive == null) {
            return;
        }
        step.set(VerifyStep.RESULT);
        start(archive);
    }

    /** Chooses and verifies another bundle, cancelling the verification in flight. */
    public void verify(Path archive) {
        chooseBundle(archive);
        verify();
    }

    /** Back to choosing, keeping the chosen file; a verification in flight is cancelled. */
    public void back() {
        stopRunning();
        state.set(State.IDLE);
        step.set(VerifyStep.CHOOSE);
    }

    /** The flow is being left for the start screen. */
    public void leave() {
        stopRunning();
    }

    private void start(Path archive) {
        stopRunning();
        long mine = ticket;
        state.set(State.RUNNING);
        report.set(null);
        files.clear();
        signatures.clear();
        failure.set(null);
        exportedTo.set(null);
        exportProblem.set("");
        TrustChoice.Selection selection = trust.selection();
        running = BackgroundTask.run(executor, listener -> service.verify(archive, selection.effective(), listener))
                .onSuccess(result -> {
                    if (mine == ticket) {
                        report.set(result);
                        files.setAll(result.files());
                        signatures.setAll(result.authentication().map(Authentication::signatures).orElse(List.of()));
                        state.set(State.DONE);
                    }
                })
                .onError(Exception.class, e -> {
                    if (mine == ticket) {
                        failure.set(e);
                        state.set(State.FAILED);
                    }
                });
        progress.bind(running.progressProperty());
        busy.bind(running.busyProperty());
    }

    /** Invalidates every outcome still to come and interrupts the work. */
    private void stopRunning() {
        ticket++;
        if (running != null) {
            running.cancel();
        }
    }

    /** Writes the report on screen to {@code target}; the save dialog writes the path here. */
    public void exportReport(Path target) {
        VerificationReport current = report.get();
        if (current == null) {
            return;
        }
        long mine = ticket;
        exportedTo.set(null);
        exportProblem.set("");
        BackgroundTask.run(executor, listener -> {
            export.write(current, target);
            return target;
        })
                .onSuccess(path -> {
                    if (mine == ticket) {
                        exportedTo.set(path);
                    }
                })
                .onError(BundleException.class, e -> {
                    if (mine == ticket) {
                        exportProblem.set(e.getMessage());
                    }
                })
                .onError(Exception.class, e -> {
                    if (mine == ticket) {
                        exportProblem.set(e.toString());
                    }
                });
    }

    public ReadOnlyObjectProperty<VerifyStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public IntegerBinding stepIndex() {
        return Bindings.createIntegerBinding(() -> step.get().ordinal(), step);
    }

    /** The folder of the last bundle chosen, where the file chooser opens; the window fills in the one remembered. */
    public ObjectProperty<Path> bundleFolderProperty() {
        return bundleFolder;
    }

    public ReadOnlyObjectProperty<Path> bundleProperty() {
        return bundle.getReadOnlyProperty();
    }

    public BooleanBinding canVerify() {
        return bundle.isNotNull().and(trust.ready());
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The report on screen: verified or refused; {@code null} while running or before the first. */
    public ReadOnlyObjectProperty<VerificationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The report's files, for the table. */
    public ObservableList<FileResult> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /** The report's signatures, for the table; empty when none was checked. */
    public ObservableList<SignatureResult> signatures() {
        return FXCollections.unmodifiableObservableList(signatures);
    }

    /** An unexpected error of the latest verification (not a refusal: that is a report). */
    public ReadOnlyObjectProperty<Exception> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the latest verification runs or is stopping. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> exportedToProperty() {
        return exportedTo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportProblemProperty() {
        return exportProblem.getReadOnlyProperty();
    }

    /** Where the export dialog starts: beside the bundle, named after it. */
    public Optional<Path> defaultExportFile() {
        VerificationReport current = report.get();
        Path archive = bundle.get();
        if (current == null || archive == null) {
            return Optional.empty();
        }
        return Optional.of(archive.resolveSibling(ReportExport.defaultFileName(current)));
    }
}
