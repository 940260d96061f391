package io.stellaops.airlock.bundle.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files being written right now, so that a process ended by a signal (Ctrl-C,
 * SIGTERM) can remove them from a shutdown hook: {@code finally} blocks do not run then. Every
 * temporary sibling from {@link AtomicFiles#temporarySibling} is listed here until it is committed
 * or deleted, and so is a signer's envelope lock. One process-wide set, because the signal is process-wide.
 */
public final class PendingFiles {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    private PendingFiles() {
    }

    /** Lists a file the process must remove if a signal ends it before {@link #unregister}. */
    public static void register(Path file) {
        PENDING.add(file);
    }

    public static void unregister(Path file) {
        PENDING.remove(file);
    }

    /** Deletes every temporary file still pending; for a shutdown hook. */
    public static void deleteAll() {
        for (Path file : List.copyOf(PENDING)) {
            AtomicFiles.deleteQuietly(file);
        }
    }
}
