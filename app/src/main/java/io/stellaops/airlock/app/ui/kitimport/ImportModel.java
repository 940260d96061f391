package io.stellaops.airlock.app.ui.kitimport;

import io.stellaops.airlock.app.ui.common.BackgroundTask;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.app.ui.verify.TrustChoice;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.kit.ImportResult;
import io.stellaops.airlock.bundle.kit.KitImporter;
import io.stellaops.airlock.bundle.kit.KitStatus;
import io.stellaops.airlock.bundle.trust.TrustPolicy;
import io.stellaops.airlock.bundle.verify.VerificationException;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Path;
import java.util.Arrays;
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

/**
 * The import flow's state: the bundle, the kit folder and the trust policy; the check or import in
 * flight and its outcome (a result, or a refusal with its report, reason and quarantine folder);
 * the kit's status, read again after every import and rollback. An import always checks
 * signatures, so it needs a loaded trust policy, as {@code airlock kit import} needs {@code --trust}.
 */
public final class ImportModel {

    /**
     * Where the check or import is; {@link #REFUSED} carries a report, {@link #FAILED} only a reason,
     * {@link #CANCELLED} means the user stopped it.
     */
    public enum State { IDLE, RUNNING, DONE, REFUSED, FAILED, CANCELLED }

    private final KitService service;
    private final TaskExecutor executor;
    private final TrustChoice trust;
    private final ObjectProperty<ImportStep> step = new SimpleObjectProperty<>(this, "step", ImportStep.IMPORT);
    private final ObjectProperty<Path> bundle = new SimpleObjectProperty<>(this, "bundle");
    private final ObjectProperty<Path> bundleFolder =
            new SimpleObjectProperty<>(this, "bundleFolder");
    private final ObjectProperty<Path> kit = new SimpleObjectProperty<>(this, "kit");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<VerificationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyObjectWrapper<Path> quarantinedIn = new ReadOnlyObjectWrapper<>(this, "quarantinedIn");
    private final ReadOnlyObjectWrapper<KitStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper statusProblem = new ReadOnlyStringWrapper(this, "statusProblem", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Throwable> unexpected = new ReadOnlyObjectWrapper<>(this, "unexpected");
    private BackgroundTask<?> running;

    public ImportModel(KitService service, TaskExecutor executor) {
        this.service = service;
        this.executor = executor;
        this.trust = new TrustChoice(executor);
    }

    public TrustChoice trust() {
        return trust;
    }

    /** "Check first": verifies as the import would, changing nothing in the kit. */
    public void check() {
        run(true);
    }

    /** Imports: verifies, quarantines a refusal, or extracts and activates. */
    public void importBundle() {
        run(false);
    }

    private void run(boolean dryRun) {
        Path archive = bundle.get();
        Path folder = kit.get();
        TrustPolicy policy = trust.policyProperty().get();
        if (busy.get() || archive == null || folder == null || policy == null) {
            return;
        }
        result.set(null);
        report.set(null);
        refusal.set("");
        quarantinedIn.set(null);
        state.set(State.RUNNING);
        var task = BackgroundTask.run(executor, listener -> service.importBundle(archive, folder, policy, dryRun, listener))
                .onSuccess(imported -> {
                    result.set(imported);
                    report.set(imported.report());
                    state.set(State.DONE);
                })
                .onError(VerificationException.class, this::refused)
                .onError(BundleException.class, e -> failed(e.getMessage()))
                .onError(Exception.class, e -> {
                    failed(e.toString());
                    unexpected.set(e);
                })
                .onCancelled(() -> state.set(State.CANCELLED))
                .andFinally(() -> {
                    running = null;
                    refreshStatus();
                });
        running = task;
        track(task);
    }

    /**
     * Interrupts the running check or import. The library stops at its next read and leaves the kit
     * as it was; an import already past verification still activates atomically or not at all, and the
     * kit status read afterwards says which.
     */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void refused(VerificationException e) {
        report.set(e.report());
        refusal.set(e.getMessage());
        quarantinedIn.set(Arrays.stream(e.getSuppressed())
                .filter(KitImporter.QuarantinedNote.class::isInstance)
                .map(note -> ((KitImporter.QuarantinedNote) note).folder())
                .findFirst().orElse(null));
        state.set(State.REFUSED);
    }

    private void failed(String reason) {
        refusal.set(reason);
        state.set(State.FAILED);
    }

    /** Rolls the kit back to the previously active generation; the screen asked for confirmation. */
    public void rollback() {
        Path folder = kit.get();
        if (busy.get() || folder == null) {
            return;
        }
        statusProblem.set("");
        track(BackgroundTask.run(executor, listener -> service.rollback(folder))
                .onError(BundleException.class, e -> statusProblem.set(e.getMessage()))
                .onError(Exception.class, e -> {
                    statusProblem.set(e.toString());
                    unexpected.set(e);
                })
                .andFinally(this::refreshStatus));
    }

    /** Reads the kit's status again (after a kit folder is chosen, an import or a rollback). */
    public void refreshStatus() {
        Path folder = kit.get();
        if (folder == null) {
            status.set(null);
            return;
        }
        BackgroundTask.run(executor, listener -> service.status(folder))
                .onSuccess(read -> {
                    if (folder.equals(kit.get())) {
                        status.set(read);
                        statusProblem.set("");
                    }
                })
                .onError(BundleException.class, e -> statusUnreadable(folder, e.getMessage()))
                .onError(Exception.class, e -> statusUnreadable(folder, e.toString()));
    }

    private void statusUnreadable(Path folder, String reason) {
        if (folder.equals(kit.get())) {
            status.set(null);
            statusProblem.set(reason);
        }
    }

    private void track(BackgroundTask<?> task) {
        progress.bind(task.progressProperty());
        busy.bind(task.busyProperty());
    }

    public void chooseBundle(Path archive) {
        bundle.set(archive);
        if (archive != null && archive.toAbsolutePath().getParent() != null) {
            bundleFolder.set(archive.toAbsolutePath().getParent());
        }
    }

    public void chooseKit(Path folder) {
        kit.set(folder);
        refreshStatus();
    }

    public void showStatus() {
        step.set(ImportStep.STATUS);
        refreshStatus();
    }

    public void back() {
        step.set(ImportStep.IMPORT);
    }

    public BooleanBinding canRun() {
        return bundle.isNotNull().and(kit.isNotNull()).and(trust.policyProperty().isNotNull()).and(busy.not());
    }

    public ReadOnlyObjectProperty<ImportStep> stepProperty() {
        return step;
    }

    public IntegerBinding stepIndex() {
        return Bindings.createIntegerBinding(() -> step.get().ordinal(), step);
    }

    /** The folder of the last bundle chosen, where the file chooser opens; the window fills in the one remembered. */
    public ObjectProperty<Path> bundleFolderProperty() {
        return bundleFolder;
    }

    public ReadOnlyObjectProperty<Path> bundleProperty() {
        return bundle;
    }

    public ReadOnlyObjectProperty<Path> kitProperty() {
        return kit;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The verification report of the last check or import, refused or not. */
    public ReadOnlyObjectProperty<VerificationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The library's reason for the last refusal or failure. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** Where the last refused bundle was quarantined; null for a dry run or a failure that quarantines nothing. */
    public ReadOnlyObjectProperty<Path> quarantinedInProperty() {
        return quarantinedIn.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KitStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProblemProperty() {
        return statusProblem.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last error that no library refusal explains, for the error view with its details. */
    public ReadOnlyObjectProperty<Throwable> unexpectedProperty() {
        return unexpected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
