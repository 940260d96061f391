package io.stellaops.airlock.app.ui.common;

import io.stellaops.airlock.bundle.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;

/**
 * One piece of work run off the FX thread, with its outcome handed back on the FX thread:
 * <pre>{@code
 * BackgroundTask.run(executor, progress -> builder.build(request, progress))
 *         .onSuccess(result -> ...)
 *         .onError(BundleException.class, e -> ...)
 *         .onError(Exception.class, e -> ...)
 *         .onCancelled(() -> ...)
 *         .andFinally(() -> ...);
 * }</pre>
 * The work receives a {@link ProgressListener} that forwards to {@link Task#updateProgress} and
 * {@link Task#updateMessage}; those coalesce, so a listener called once per buffer costs the FX
 * thread at most one update per pulse.
 *
 * <p>Error handlers work like catch clauses: the first registered one whose type matches gets
 * the exception; an exception no handler matches goes to the FX thread's uncaught-exception
 * handler rather than vanishing.
 *
 * <p>{@link #cancel()} is {@code Task.cancel(true)}: the worker thread is interrupted, which the
 * library answers with {@code Failure.CANCELLED}. The cancel handlers run at once; {@link #busyProperty()}
 * stays true and the finally handlers wait until the worker has really returned, so that nothing
 * new starts while a cancelled build still cleans up its partial files.
 *
 * <p>The task starts at the end of the current FX event rather than inside {@link #run}, so
 * that the handlers chained after {@code run(...)} are in place before any outcome, even with an
 * executor that runs the work on the calling thread.
 */
public final class BackgroundTask<T> {

    /** The work: calls the library and reports progress through the listener it is given. */
    @FunctionalInterface
    public interface Work<T> {
        T call(ProgressListener progress) throws Exception;
    }

    private enum Worker { NOT_STARTED, RUNNING, STOPPED }

    private final Task<T> task;
    private final AtomicReference<Worker> worker = new AtomicReference<>(Worker.NOT_STARTED);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", true);
    private final List<Consumer<? super T>> successHandlers = new ArrayList<>();
    private final List<ErrorHandler<?>> errorHandlers = new ArrayList<>();
    private final List<Runnable> cancelHandlers = new ArrayList<>();
    private final List<Runnable> finallyHandlers = new ArrayList<>();
    private boolean outcomeKnown;
    private boolean workerStopped;

    private BackgroundTask(Work<T> work) {
        this.task = new Task<>() {
            @Override
            protected T call() throws Exception {
                if (!worker.compareAndSet(Worker.NOT_STARTED, Worker.RUNNING)) {
                    return null;
                }
                try {
                    return work.call((phase, done, total) -> {
                        updateMessage(phase);
                        updateProgress(done, total);
                    });
                } finally {
                    worker.set(Worker.STOPPED);
                    onFxThread(BackgroundTask.this::workerStopped);
                }
            }
        };
        task.setOnSucceeded(event -> succeeded(task.getValue()));
        task.setOnFailed(event -> failed(task.getException()));
        task.setOnCancelled(event -> cancelled());
    }

    /** Starts {@code work} on {@code executor}; call on the FX thread and chain the handlers right after. */
    public static <T> BackgroundTask<T> run(TaskExecutor executor, Work<T> work) {
        requireFxThread();
        Objects.requireNonNull(executor, "executor");
        var background = new BackgroundTask<>(Objects.requireNonNull(work, "work"));
        Platform.runLater(() -> executor.execute(background.task));
        return background;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        requireChaining();
        successHandlers.add(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    public <E extends Exception> BackgroundTask<T> onError(Class<E> type, Consumer<? super E> handler) {
        requireChaining();
        errorHandlers.add(new ErrorHandler<>(type, handler));
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable handler) {
        requireChaining();
        cancelHandlers.add(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Runs after the outcome's handler, once the worker thread has returned, whatever the outcome. */
    public BackgroundTask<T> andFinally(Runnable handler) {
        requireChaining();
        finallyHandlers.add(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Interrupts the work; see the class comment for when the finally handlers run. */
    public void cancel() {
        requireFxThread();
        if (worker.compareAndSet(Worker.NOT_STARTED, Worker.STOPPED)) {
            workerStopped = true;
        }
        task.cancel(true);
    }

    /** True from {@link #run} until the finally handlers have run. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Done over total of the latest update, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    /** The phase named by the latest progress update, as the library reports it. */
    public ReadOnlyStringProperty phaseProperty() {
        return task.messageProperty();
    }

    private void succeeded(T value) {
        outcomeKnown = true;
        successHandlers.forEach(handler -> handler.accept(value));
        finishIfStopped();
    }

    private void failed(Throwable error) {
        outcomeKnown = true;
        ErrorHandler<?> handler = errorHandlers.stream().filter(h -> h.handles(error)).findFirst().orElse(null);
        if (handler != null) {
            handler.accept(error);
        } else {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, error);
        }
        finishIfStopped();
    }

    private void cancelled() {
        outcomeKnown = true;
        cancelHandlers.forEach(Runnable::run);
        finishIfStopped();
    }

    private void workerStopped() {
        workerStopped = true;
        finishIfStopped();
    }

    private void finishIfStopped() {
        if (outcomeKnown && workerStopped && busy.get()) {
            finallyHandlers.forEach(Runnable::run);
            busy.set(false);
        }
    }

    private void requireChaining() {
        requireFxThread();
        if (outcomeKnown) {
            throw new IllegalStateException("handlers must be chained right after run(...), before the task ends");
        }
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("background tasks are started and handled on the FX application thread");
        }
    }

    private static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private record ErrorHandler<E extends Exception>(Class<E> type, Consumer<? super E> handler) {
        ErrorHandler {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
        }

        boolean handles(Throwable error) {
            return type.isInstance(error);
        }

        void accept(Throwable error) {
            handler.accept(type.cast(error));
        }
    }
}
