package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.io.TemporaryFolder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** File-tree operations of the kit: flush, make read-only, delete (read-only trees too), copy atomically. */
final class KitFiles {
    private static final int FSYNC_THREADS = 8;

    private KitFiles() {
    }

    /**
     * Flushes every file and folder of a tree, files first, so that a rename publishes durable
     * content. The files are flushed by {@value #FSYNC_THREADS} threads at once: the file system
     * then commits many of them in one journal transaction instead of one each, which is most of
     * the difference to a single {@code sync} after extraction.
     */
    static void fsyncTree(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                folders.add(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        fsyncAll(files);
        folders.forEach(AtomicFiles::fsyncDirectory);
    }

    private static void fsyncAll(List<Path> files) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(FSYNC_THREADS, task -> {
            Thread thread = new Thread(task, "airlock-fsync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pending = new ArrayList<>(files.size());
            for (Path file : files) {
                pending.add(pool.submit(() -> {
                    AtomicFiles.fsync(file);
                    return null;
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("flushing the extracted files was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("fsync failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Deletes a tree without following links, read-only payloads included. */
    static void deleteTree(Path root) throws IOException {
        TemporaryFolder.deleteTree(root);
    }

    /** Copies {@code source} to {@code target} through a temporary sibling and an atomic rename. */
    static void copyAtomically(Path source, Path target) throws IOException {
        Path temp = AtomicFiles.temporarySibling(target);
        try {
            Files.copy(source, temp);
            AtomicFiles.commit(temp, target, true);
        } finally {
            AtomicFiles.deleteQuietly(temp);
        }
    }

    /** Points {@code link} at {@code target} in one atomic step: a new link renamed over the old. */
    static void swapSymlink(Path link, Path target) throws IOException {
        Path temp = AtomicFiles.temporarySibling(link);
        try {
            Files.createSymbolicLink(temp, target);
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.fsyncDirectory(link.getParent());
        } finally {
            AtomicFiles.deleteQuietly(temp);
        }
    }
}
