package io.stellaops.airlock.bundle.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a new file and, every {@value #FLUSH_EVERY_MIB} MiB, has a background thread flush what
 * has been written so far to disk ({@code fdatasync}), while writing goes on. A multi-GiB archive
 * then reaches the disk as it is made, and the {@code fsync} before the atomic rename
 * ({@link AtomicFiles#commit}) finds only the last part left to write instead of all of it: the
 * durability stays, without waiting for the whole file at the end. At most one flush runs at a
 * time; a failed flush fails the next write or {@link #close}.
 */
public final class FlushingFileOutputStream extends OutputStream {
    static final int FLUSH_EVERY_MIB = 64;
    private static final long FLUSH_EVERY = (long) FLUSH_EVERY_MIB << 20;

    private final FileChannel channel;
    private final ExecutorService flusher;
    private Future<?> flushing;
    private long unflushed;
    private boolean closed;

    /** Creates {@code file}, which must not exist. */
    public FlushingFileOutputStream(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.flusher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "airlock-flush");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        unflushed += length;
        if (unflushed >= FLUSH_EVERY && (flushing == null || flushing.isDone())) {
            awaitFlush();
            unflushed = 0;
            flushing = flusher.submit(() -> {
                channel.force(false);
                return null;
            });
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            awaitFlush();
        } finally {
            flusher.shutdownNow();
        }
    }

    private void awaitFlush() throws IOException {
        if (flushing == null) {
            return;
        }
        try {
            flushing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the file was flushed to disk");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("flushing the file to disk failed", e.getCause());
        } finally {
            flushing = null;
        }
    }
}
