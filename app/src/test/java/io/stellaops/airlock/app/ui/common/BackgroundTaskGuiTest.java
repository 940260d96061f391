package io.stellaops.airlock.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The background-task helper on its own: handlers on the FX thread, typed errors like catch
 * clauses, cancellation by interrupt with "finally" held until the worker has returned, and a
 * synchronous executor that still reaches handlers chained after {@code run}. Needs the JavaFX
 * toolkit, hence a display (run under Xvfb like the other GUI tests); no sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundTaskGuiTest {

    private final DaemonTaskExecutor threads = new DaemonTaskExecutor();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // No window: the toolkit is all these tests need.
    }

    @AfterEach
    void stopThreads() {
        threads.close();
    }

    @Test
    void runsTheWorkOnANamedDaemonThreadAndHandsTheResultBackOnTheFxThread() throws Exception {
        var worker = new AtomicReference<Thread>();
        BackgroundTask<String> task = onFx(() -> BackgroundTask.run(threads, progress -> {
            worker.set(Thread.currentThread());
            progress.onProgress("hash", 3, 4);
            return "built";
        })
                .onSuccess(value -> events.add("success " + value + " fx=" + Platform.isFxApplicationThread()))
                .onError(Exception.class, e -> events.add("error"))
                .andFinally(() -> events.add("finally fx=" + Platform.isFxApplicationThread())));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !task.busyProperty().get());

        assertThat(events).containsExactly("success built fx=true", "finally fx=true");
        assertThat(worker.get().getName()).startsWith("airlock-worker-");
        assertThat(worker.get().isDaemon()).isTrue();
        assertThat(onFx(() -> task.progressProperty().get())).isEqualTo(0.75);
        assertThat(onFx(() -> task.phaseProperty().get())).isEqualTo("hash");
    }

    @Test
    void theFirstMatchingErrorHandlerGetsTheExceptionLikeACatchClause() throws Exception {
        BackgroundTask<String> task = onFx(() -> BackgroundTask.<String>run(threads, progress -> {
            throw new BundleException(Failure.USAGE, "output exists");
        })
                .onSuccess(value -> events.add("success"))
                .onError(BundleException.class, e -> events.add("refused " + e.failure() + ": " + e.getMessage()))
                .onError(Exception.class, e -> events.add("unexpected"))
                .andFinally(() -> events.add("finally")));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !task.busyProperty().get());

        assertThat(events).containsExactly("refused USAGE: output exists", "finally");
    }

    @Test
    void cancelInterruptsTheWorkerDropsItsLateResultAndHoldsFinallyUntilItReturns() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        BackgroundTask<String> task = onFx(() -> BackgroundTask.run(threads, progress -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            release.await(10, TimeUnit.SECONDS);
            return "too late";
        })
                .onSuccess(value -> events.add("success " + value))
                .onCancelled(() -> events.add("cancelled"))
                .andFinally(() -> events.add("finally")));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        onFx(() -> {
            task.cancel();
            return null;
        });

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events).containsExactly("cancelled");
        assertThat(task.busyProperty().get()).as("busy until the worker returns").isTrue();

        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !task.busyProperty().get());
        assertThat(events).containsExactly("cancelled", "finally");
    }

    @Test
    void aSynchronousExecutorStillReachesTheHandlersChainedAfterRun() throws Exception {
        BackgroundTask<Integer> task = onFx(() -> BackgroundTask.run(new SynchronousTaskExecutor(), progress -> 42)
                .onSuccess(value -> events.add("success " + value))
                .andFinally(() -> events.add("finally")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(events).containsExactly("success 42", "finally");
        assertThat(task.busyProperty().get()).isFalse();
    }

    @Test
    void anErrorNoHandlerMatchesGoesToTheUncaughtExceptionHandler() throws Exception {
        var uncaught = new AtomicReference<Throwable>();
        onFx(() -> {
            Thread fx = Thread.currentThread();
            Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((thread, error) -> uncaught.set(error));
            BackgroundTask.run(new SynchronousTaskExecutor(), progress -> {
                throw new IllegalStateException("nobody catches this");
            }).onError(BundleException.class, e -> events.add("refused")).andFinally(() -> {
                events.add("finally");
                fx.setUncaughtExceptionHandler(previous);
            });
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(uncaught.get()).hasMessage("nobody catches this");
        assertThat(events).containsExactly("finally");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }
}
