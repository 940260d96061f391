package io.stellaops.airlock.app.ui.common;

import javafx.concurrent.Task;

/**
 * Where the wizard's background work runs. Injected rather than created where it is used, so that
 * the application owns its threads and a test can run the same code without any.
 */
@FunctionalInterface
public interface TaskExecutor {

    /** Runs the task, on a background thread or, for a test implementation, on the calling thread. */
    void execute(Task<?> task);
}
