package io.stellaops.airlock.app.ui.bootstrap;

import io.stellaops.airlock.app.cluster.ApplyOptions;
import io.stellaops.airlock.app.cluster.ApplyReport;
import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.KubeconfigContexts;
import io.stellaops.airlock.app.cluster.ObjectDiff;
import io.stellaops.airlock.app.cluster.PlanRequest;
import io.stellaops.airlock.app.ui.common.BackgroundTask;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.app.ui.common.UiStrings;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cluster steps' state: the kubeconfig, its contexts and the chosen one, where the bundle files
 * come from, the connection test's outcome; the plan compared with the cluster as table rows, the
 * dry run's or apply's outcome per object, and the exact reason when something is refused. One
 * task runs at a time, on the executor, and can be cancelled; a cancelled task's result is dropped.
 */
public final class ClusterModel {

    /** What the last finished task left on the plan step. */
    public enum Stage { NONE, COMPARED, DRY_RUN, APPLIED, FAILED }

    private final ClusterService service;
    private final TaskExecutor executor;
    private final ResourceBundle resources;
    private final ObjectProperty<Path> tlsDir;
    private final ObjectProperty<Path> tokenFile;
    private final StringProperty namespace;
    private final ObjectProperty<Path> kubeconfig = new SimpleObjectProperty<>(this, "kubeconfig");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final StringProperty context = new SimpleStringProperty(this, "context");
    private final ObjectProperty<Path> source = new SimpleObjectProperty<>(this, "source");
    private final BooleanProperty sourceIsKit = new SimpleBooleanProperty(this, "sourceIsKit", true);
    private final BooleanProperty takeOwnership = new SimpleBooleanProperty(this, "takeOwnership");
    private final BooleanProperty includeSecrets = new SimpleBooleanProperty(this, "includeSecrets");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection", "");
    private final ReadOnlyStringWrapper connectionProblem = new ReadOnlyStringWrapper(this, "connectionProblem", "");
    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper planHeader = new ReadOnlyStringWrapper(this, "planHeader", "");
    private final ReadOnlyStringWrapper planSummary = new ReadOnlyStringWrapper(this, "planSummary", "");
    private final ReadOnlyStringWrapper planProblem = new ReadOnlyStringWrapper(this, "planProblem", "");
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage", Stage.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper(this, "working", "");
    private final ReadOnlyObjectWrapper<Throwable> unexpectedError = new ReadOnlyObjectWrapper<>(this, "unexpectedError");
    private List<ObjectDiff> lastDiffs = List.of();
    private BackgroundTask<?> running;

    public ClusterModel(ClusterService service, TaskExecutor executor, ResourceBundle resources, ObjectProperty<Path> tlsDir,
            ObjectProperty<Path> tokenFile, StringProperty namespace) {
        this.service = service;
        this.executor = executor;
        this.resources = resources;
        this.tlsDir = tlsDir;
        this.tokenFile = tokenFile;
        this.namespace = namespace;
    }

    /** Reads the contexts of {@code file} and selects {@code preferred} if it has it, else its current context. */
    public void chooseKubeconfig(Path file, String preferred) {
        kubeconfig.set(file);
        contexts.clear();
        context.set(null);
        connection.set("");
        connectionProblem.set("");
        try {
            KubeconfigContexts found = service.contexts(file);
            contexts.setAll(found.names());
            context.set(preferred != null && found.names().contains(preferred) ? preferred
                    : found.current().orElse(found.names().get(0)));
        } catch (ClusterException e) {
            connectionProblem.set(e.getMessage());
        }
    }

    public void chooseKubeconfig(Path file) {
        chooseKubeconfig(file, null);
    }

    /** Reads the target namespace through the chosen context, in the background. */
    public void testConnection() {
        if (busy.get() || kubeconfig.get() == null || context.get() == null) {
            return;
        }
        Path file = kubeconfig.get();
        String name = context.get();
        String ns = namespace.get().strip();
        connection.set("");
        connectionProblem.set("");
        start(resources.getString("bootstrap.cluster.testing"), connectionProblem, BackgroundTask.run(executor,
                        progress -> service.probe(file, name, ns))
                .onSuccess(result -> connection.set(UiStrings.format(resources, result.namespaceExists()
                        ? "bootstrap.cluster.reached" : "bootstrap.cluster.reachedNoNamespace", result.target(),
                        result.namespace())))
                .onError(ClusterException.class, e -> connectionProblem.set(e.getMessage()))
                .onError(Exception.class, e -> connectionProblem.set(unexpected(e))));
    }

    /** Plans from the files and compares the plan with the cluster; nothing is written. */
    public void compare() {
        ClusterInputs inputs = inputs();
        if (inputs == null || busy.get()) {
            return;
        }
        boolean take = takeOwnership.get();
        clearPlan();
        start(resources.getString("bootstrap.plan.comparing"), planProblem, BackgroundTask.run(executor,
                        progress -> service.compare(inputs, take))
                .onSuccess(comparison -> {
                    lastDiffs = comparison.diffs();
                    rows.setAll(PlanRow.of(comparison.diffs(), resources));
                    planHeader.set(UiStrings.format(resources, "bootstrap.plan.header", comparison.target(),
                            comparison.source(), comparison.token()));
                    planSummary.set(PlanSummaries.comparison(comparison.diffs(), resources));
                    stage.set(Stage.COMPARED);
                })
                .onError(ClusterException.class, this::failed)
                .onError(Exception.class, e -> failed(unexpected(e))));
    }

    /** The server's dry run of every write; nothing is changed. */
    public void dryRun() {
        run(true);
    }

    /** Applies the plan; the caller has had the user confirm it. */
    public void apply() {
        run(false);
    }

    private void run(boolean dry) {
        ClusterInputs inputs = inputs();
        if (inputs == null || busy.get()) {
            return;
        }
        ApplyOptions options = new ApplyOptions(dry, takeOwnership.get());
        planProblem.set("");
        planSummary.set("");
        start(resources.getString(dry ? "bootstrap.plan.dryRunning" : "bootstrap.plan.applying"), planProblem,
                BackgroundTask.run(executor, progress -> service.apply(inputs, options))
                        .onSuccess(report -> {
                            showReport(report);
                            stage.set(dry ? Stage.DRY_RUN : Stage.APPLIED);
                        })
                        .onError(ClusterException.class, e -> {
                            // The table shows what was and was not applied; the reason goes below it.
                            e.report().ifPresent(report -> {
                                lastDiffs = report.results().stream().map(ApplyReport.ObjectResult::diff).toList();
                                rows.setAll(PlanRow.of(report, resources));
                            });
                            failed(e);
                        })
                        .onError(Exception.class, e -> failed(unexpected(e))));
    }

    /** Writes the plan as YAML to {@code out}, owner-only; Secret values only if {@link #includeSecretsProperty()}. */
    public void export(Path out) {
        ClusterInputs inputs = inputs();
        if (inputs == null || busy.get()) {
            return;
        }
        boolean secrets = includeSecrets.get();
        planProblem.set("");
        start(resources.getString("bootstrap.plan.exporting"), planProblem, BackgroundTask.run(executor,
                        progress -> service.export(inputs, out, secrets))
                .onSuccess(file -> planSummary.set(UiStrings.format(resources, secrets
                        ? "bootstrap.plan.exportedSecrets" : "bootstrap.plan.exported", file.toString())))
                .onError(ClusterException.class, e -> planProblem.set(e.getMessage()))
                .onError(Exception.class, e -> planProblem.set(unexpected(e))));
    }

    /** Interrupts the running task; its result, if it still comes, is dropped. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** "1 to create, 2 to update, 3 unchanged" for the confirmation, from the last comparison. */
    public String confirmationText() {
        long creates = PlanSummaries.count(lastDiffs, ObjectDiff.Action.CREATE);
        long updates = PlanSummaries.count(lastDiffs, ObjectDiff.Action.UPDATE)
                + PlanSummaries.count(lastDiffs, ObjectDiff.Action.TAKE_OVER);
        return UiStrings.format(resources, "bootstrap.plan.confirm.text", creates, updates, namespace.get(), context.get());
    }

    /** Tracks {@code task}: busy while it runs, "cancelled" in {@code problem} if it is cancelled. */
    private void start(String what, ReadOnlyStringWrapper problem, BackgroundTask<?> task) {
        running = task;
        working.set(what);
        busy.bind(task.busyProperty());
        task.onCancelled(() -> problem.set(resources.getString("bootstrap.cancelled")))
                .andFinally(() -> {
                    busy.unbind();
                    busy.set(false);
                    working.set("");
                    running = null;
                });
    }

    private void showReport(ApplyReport report) {
        lastDiffs = report.results().stream().map(ApplyReport.ObjectResult::diff).toList();
        rows.setAll(PlanRow.of(report, resources));
        planSummary.set(UiStrings.format(resources, report.dryRun() ? "bootstrap.plan.dryRunDone" : "bootstrap.plan.applied",
                PlanSummaries.outcomes(report, resources)));
    }

    private void failed(ClusterException e) {
        failed(e.getMessage());
    }

    private void failed(String message) {
        planProblem.set(message);
        stage.set(Stage.FAILED);
    }

    private String unexpected(Exception e) {
        unexpectedError.set(e);
        return UiStrings.format(resources, "bootstrap.unexpected", e.getClass().getSimpleName());
    }

    private void clearPlan() {
        rows.clear();
        lastDiffs = List.of();
        planHeader.set("");
        planSummary.set("");
        planProblem.set("");
        stage.set(Stage.NONE);
    }

    /** The inputs as they are now, or null (with the reason shown) when one is missing. */
    private ClusterInputs inputs() {
        String missing = tlsDir.get() == null ? "bootstrap.plan.missingTls" : tokenFile.get() == null
                ? "bootstrap.plan.missingToken" : source.get() == null ? "bootstrap.plan.missingSource"
                : kubeconfig.get() == null || context.get() == null ? "bootstrap.plan.missingCluster" : null;
        if (missing != null) {
            planProblem.set(resources.getString(missing));
            return null;
        }
        PlanRequest.Source from = sourceIsKit.get() ? new PlanRequest.Kit(source.get()) : new PlanRequest.Folder(source.get());
        return new ClusterInputs(tlsDir.get(), tokenFile.get(), from, namespace.get().strip(), kubeconfig.get(), context.get());
    }

    /** True when the cluster step has what the plan step needs from it. */
    public BooleanBinding connectionChosen() {
        return kubeconfig.isNotNull().and(context.isNotNull()).and(source.isNotNull());
    }

    public ObjectProperty<Path> kubeconfigProperty() {
        return kubeconfig;
    }

    public ObservableList<String> contexts() {
        return contexts;
    }

    public StringProperty contextProperty() {
        return context;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public ObjectProperty<Path> sourceProperty() {
        return source;
    }

    public BooleanProperty sourceIsKitProperty() {
        return sourceIsKit;
    }

    public BooleanProperty takeOwnershipProperty() {
        return takeOwnership;
    }

    public BooleanProperty includeSecretsProperty() {
        return includeSecrets;
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProblemProperty() {
        return connectionProblem.getReadOnlyProperty();
    }

    public ObservableList<PlanRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty planHeaderProperty() {
        return planHeader.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planSummaryProperty() {
        return planSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planProblemProperty() {
        return planProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The last error no refusal explains, for the error view with its details. */
    public ReadOnlyObjectProperty<Throwable> unexpectedErrorProperty() {
        return unexpectedError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
