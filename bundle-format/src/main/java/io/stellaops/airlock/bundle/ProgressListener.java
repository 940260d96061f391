package io.stellaops.airlock.bundle;

/**
 * Receives progress of a long operation, once per buffer (never per byte), on the thread doing
 * the work. {@code total} is -1 when it is not known in advance. Implementations must be cheap;
 * to cancel, interrupt the working thread and the operation ends with {@link Failure#CANCELLED}.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> { };

    void onProgress(String phase, long done, long total);
}
