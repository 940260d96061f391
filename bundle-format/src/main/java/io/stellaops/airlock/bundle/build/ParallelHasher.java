package io.stellaops.airlock.bundle.build;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hashes the source files for the manifest, several files at a time (one per processor), with one
 * reused buffer per thread. Results come back in the order of the sources, so the manifest does not
 * depend on the number of threads. Progress is reported on the calling thread, at most every
 * {@value #PROGRESS_MILLIS} ms and after every file; interrupting the caller cancels every worker.
 */
final class ParallelHasher {
    private static final int BUFFER = 256 * 1024;
    private static final long PROGRESS_MILLIS = 100;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /**
     * A file's digest, the number of bytes actually read, and the file's stamp taken before it was
     * read ({@code null} where the file system gives none).
     */
    record Digest(String sha256, long size, SourceStamp stamp) {
    }

    private final int threads;
    private final Duration racyWindow;

    ParallelHasher(int threads, Duration racyWindow) {
        this.threads = Math.max(1, threads);
        this.racyWindow = racyWindow;
    }

    List<Digest> hash(List<SourceFile> sources, ProgressListener progress) throws BundleException {
        long total = sources.stream().mapToLong(SourceFile::size).sum();
        AtomicLong done = new AtomicLong();
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER]);
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "airlock-hash-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            // A window of files in flight, not one task per file at once: memory stays constant in the file count.
            int window = threads * 4;
            ArrayDeque<Future<Digest>> inFlight = new ArrayDeque<>(window);
            List<Digest> digests = new ArrayList<>(sources.size());
            int submitted = 0;
            for (int i = 0; i < sources.size(); i++) {
                while (submitted < sources.size() && submitted < i + window) {
                    SourceFile source = sources.get(submitted++);
                    inFlight.add(executor.submit(() -> hashOne(source, buffers.get(), done, racyWindow)));
                }
                digests.add(await(inFlight.poll(), sources.get(i), progress, done, total));
                progress.onProgress("hash", done.get(), total);
            }
            return digests;
        } finally {
            executor.shutdownNow();
        }
    }

    private static Digest await(Future<Digest> future, SourceFile source, ProgressListener progress, AtomicLong done,
            long total) throws BundleException {
        while (true) {
            try {
                return future.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                progress.onProgress("hash", done.get(), total);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BundleException(Failure.CANCELLED, "build cancelled", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InterruptedIOException || cause instanceof ClosedByInterruptException) {
                    throw new BundleException(Failure.CANCELLED, "build cancelled", cause);
                }
                if (cause instanceof IOException io) {
                    throw new BundleException(Failure.UNREADABLE, "source file '" + source.path() + "' cannot be read: "
                            + AtomicFiles.describe(io), io);
                }
                throw new IllegalStateException("hashing '" + source.path() + "' failed", cause);
            }
        }
    }

    private static Digest hashOne(SourceFile source, byte[] buffer, AtomicLong done, Duration racyWindow)
            throws IOException {
        SourceStamp stamp = SourceStamp.of(source.location(), racyWindow);
        var digest = Sha256.newDigest();
        long size = 0;
        try (InputStream in = Files.newInputStream(source.location())) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("build cancelled");
                }
                digest.update(buffer, 0, n);
                size += n;
                done.addAndGet(n);
            }
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), size, stamp);
    }
}
