package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.app.ui.common.BackgroundTask;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.build.BuildResult;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The last step of the build flow: runs the build in the background, exposes its progress, and
 * keeps its outcome (the result, or the exception whose message the screen shows as the CLI
 * would). Cancelling interrupts the build; the state stays {@link State#CANCELLING} until the
 * library has stopped and removed its partial files.
 */
public final class BuildRun {

    /** Where the run is; the run step shows one panel per state. */
    public enum State { IDLE, RUNNING, CANCELLING, SUCCEEDED, FAILED, CANCELLED }

    private final BuildModel model;
    private final BuildJob job;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<BuildResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Exception> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private BackgroundTask<BuildResult> task;

    public BuildRun(BuildModel model, BuildJob job, TaskExecutor executor) {
        this.model = model;
        this.job = job;
        this.executor = executor;
    }

    /** Builds what the model holds; ignored while a build is still running or stopping. */
    public void start() {
        if (busy.get()) {
            return;
        }
        BuildInputs inputs = model.inputs();
        result.set(null);
        failure.set(null);
        state.set(State.RUNNING);
        model.showRun();
        task = BackgroundTask.run(executor, listener -> job.run(inputs, listener))
                .onSuccess(built -> {
                    result.set(built);
                    state.set(State.SUCCEEDED);
                })
                .onError(BundleException.class, this::failed)
                .onError(Exception.class, this::failed)
                .andFinally(() -> {
                    if (state.get() == State.CANCELLING) {
                        state.set(State.CANCELLED);
                    }
                });
        progress.bind(task.progressProperty());
        phase.bind(task.phaseProperty());
        busy.bind(task.busyProperty());
    }

    /** Interrupts the running build. */
    public void cancel() {
        if (state.get() == State.RUNNING) {
            state.set(State.CANCELLING);
            task.cancel();
        }
    }

    private void failed(Exception e) {
        if (e instanceof BundleException refusal && refusal.failure() == Failure.CANCELLED) {
            // Interrupted from elsewhere (the window closing): the library's word, shown as a cancel.
            state.set(State.CANCELLING);
            return;
        }
        failure.set(e);
        state.set(State.FAILED);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BuildResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last build failed: a {@link BundleException} from the library, or an unexpected exception. */
    public ReadOnlyObjectProperty<Exception> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Done over total of the current phase, -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The library's phase id: {@code hash}, then {@code write}; empty before the first report. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** True while a build runs or is stopping. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
