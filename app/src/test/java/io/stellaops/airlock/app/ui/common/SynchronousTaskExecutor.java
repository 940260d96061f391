package io.stellaops.airlock.app.ui.common;

import javafx.concurrent.Task;

/**
 * Runs each task on the calling thread. {@link BackgroundTask} starts tasks on the FX thread,
 * so with this executor the work, its progress and its handlers all run there, in order, before
 * the FX event queue moves on: a test clicks and then asserts, with no waiting.
 */
public final class SynchronousTaskExecutor implements TaskExecutor {

    @Override
    public void execute(Task<?> task) {
        task.run();
    }
}
