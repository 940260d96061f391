package io.stellaops.airlock.app.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * Runs tasks on named daemon threads ({@code airlock-worker-1}, ...), created as needed and
 * reused. Daemon, so that a build left running never keeps the JVM alive after the window
 * closed; named, so that a thread dump says whose thread it is.
 */
public final class DaemonTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final long CLEAN_UP_SECONDS = 2;

    private final ExecutorService threads;

    public DaemonTaskExecutor() {
        this.threads = Executors.newCachedThreadPool(new NamedDaemonThreads("airlock-worker-"));
    }

    @Override
    public void execute(Task<?> task) {
        threads.execute(task);
    }

    /**
     * Interrupts whatever still runs, which the library answers by cancelling, and gives that a
     * moment to finish, so that a build cut short by closing the window removes its partial file.
     */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(CLEAN_UP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedDaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            var thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
