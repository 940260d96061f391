package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Extracts the files of a verification pass into a private staging folder inside the kit. Only
 * entries the signed manifest lists reach it (the verifier refuses anything else first), their
 * paths have passed {@link BundlePath}'s rules, every folder on the way is one this sink created,
 * and files are created new, never opened through an existing name or link.
 *
 * <p>Each file, once written, is made read-only and flushed to disk (fsync) by a pool of
 * {@value #FLUSH_THREADS} threads while the pass goes on with the next ones, so that the file
 * system commits many in one journal transaction and nothing has to walk the tree again
 * afterwards. {@link #finish} waits for every flush, then flushes the folders and makes them
 * read-only: only then is the payload durable and ready to be renamed into the kit. The pool's
 * queue is bounded, so open files and memory stay constant whatever the number of files.
 */
final class StagingSink implements PayloadSink, AutoCloseable {
    static final int FLUSH_THREADS = 8;
    private static final int QUEUE = 64;

    private final Path root;
    private final boolean posix;
    private final Set<Path> created = new HashSet<>();
    private final List<Path> folders = new ArrayList<>();
    private final ThreadPoolExecutor flushers;
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    StagingSink(Path root) throws IOException {
        this.root = Files.createDirectory(root);
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        created.add(this.root);
        folders.add(this.root);
        this.flushers = new ThreadPoolExecutor(FLUSH_THREADS, FLUSH_THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), task -> {
                    Thread thread = new Thread(task, "airlock-fsync");
                    thread.setDaemon(true);
                    return thread;
                }, (task, executor) -> task.run()); // queue full (or the pool stopped): flush on the caller's thread
    }

    @Override
    public OutputStream open(FileEntry entry) throws IOException {
        rethrow();
        Path target = root.resolve(entry.path()).normalize();
        if (!target.startsWith(root) || BundlePath.problemOf(entry.path(), Integer.MAX_VALUE) != null) {
            throw new IOException("refusing to extract '" + entry.path() + "' outside the staging folder");
        }
        createFolders(target.getParent());
        FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        String readOnly = entry.mode() == FileEntry.MODE_EXECUTABLE ? "r-xr-xr-x" : "r--r--r--";
        Flush flush = new Flush(target, channel, readOnly);
        OutputStream out = new FilterOutputStreamWithClose(Channels.newOutputStream(channel), () -> flushers.execute(flush));
        // No buffer: the archive reader already writes in chunks of up to 256 KiB, and a buffer per file
        // would be garbage in proportion to the number of files.
        return CrashPoint.countingExtraction(out);
    }

    /** Folders this sink made are known; any other step on the way is checked, never followed if a link. */
    private void createFolders(Path parent) throws IOException {
        if (created.contains(parent)) {
            return;
        }
        for (Path folder = root; !folder.equals(parent); ) {
            folder = folder.resolve(parent.getName(folder.getNameCount()).toString());
            if (created.contains(folder)) {
                continue;
            }
            if (Files.isSymbolicLink(folder)) {
                throw new IOException("refusing to extract through a link at " + folder);
            }
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
            }
            created.add(folder);
            folders.add(folder);
        }
    }

    /**
     * Waits until every extracted file is read-only and on disk, then flushes the folders deepest
     * first and makes them read-only.
     */
    void finish() throws IOException {
        awaitFlushers();
        rethrow();
        for (int i = folders.size() - 1; i >= 0; i--) {
            Path folder = folders.get(i);
            AtomicFiles.fsyncDirectory(folder);
            if (posix) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            }
        }
    }

    /**
     * Stops the flushers (after {@link #finish}, or when the pass failed and the staging folder goes
     * away); files still waiting for their flush are just closed.
     */
    @Override
    public void close() {
        for (Runnable waiting : flushers.shutdownNow()) {
            ((Flush) waiting).abandon();
        }
        try {
            flushers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitFlushers() throws IOException {
        flushers.shutdown();
        try {
            while (!flushers.awaitTermination(1, TimeUnit.SECONDS)) {
                // Every file is flushed before the payload may be published.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("flushing the extracted files was interrupted");
        }
    }

    private void rethrow() throws IOException {
        IOException e = failure.get();
        if (e != null) {
            throw new IOException("cannot flush an extracted file to disk: " + AtomicFiles.describe(e), e);
        }
    }

    /** Makes one written file read-only, flushes it to disk and closes it. */
    private final class Flush implements Runnable {
        private final Path file;
        private final FileChannel channel;
        private final String readOnly;

        Flush(Path file, FileChannel channel, String readOnly) {
            this.file = file;
            this.channel = channel;
            this.readOnly = readOnly;
        }

        @Override
        public void run() {
            try (channel) {
                if (posix) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(readOnly));
                }
                channel.force(true);
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        }

        void abandon() {
            try {
                channel.close();
            } catch (IOException e) {
                // The staging folder is deleted next; nothing of this file is kept.
            }
        }
    }

    /** The channel's stream, whose close hands the file to the flushers instead of closing it. */
    private static final class FilterOutputStreamWithClose extends OutputStream {
        private final OutputStream out;
        private final Runnable onClose;
        private boolean closed;

        FilterOutputStreamWithClose(OutputStream out, Runnable onClose) {
            this.out = out;
            this.onClose = onClose;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                onClose.run();
            }
        }
    }
}
