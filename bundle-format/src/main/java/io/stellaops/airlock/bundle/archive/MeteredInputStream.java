package io.stellaops.airlock.bundle.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads an archive file ahead on its own thread, in 1 MiB chunks, and hashes the raw (compressed)
 * bytes there, so that hashing the archive and decompressing it run on different cores in the same
 * single pass. The consumer counts the bytes it has taken. Memory is a fixed ring of chunks.
 */
final class MeteredInputStream extends InputStream {
    private static final int CHUNK = 1024 * 1024;
    private static final int CHUNKS = 4;

    private final MessageDigest sha256 = Sha256.newDigest();
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private Chunk current = new Chunk(new byte[0], 0, null);
    private int position;
    private long count;
    private boolean ended;
    private volatile boolean closed;

    MeteredInputStream(InputStream in, String name) {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        this.reader = new Thread(() -> readAhead(in), "airlock-read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead(InputStream in) {
        try (in) {
            while (!closed) {
                byte[] buffer = free.take();
                int n = in.readNBytes(buffer, 0, CHUNK);
                if (n > 0) {
                    sha256.update(buffer, 0, n);
                    full.put(new Chunk(buffer, n, null));
                }
                if (n < CHUNK) {
                    full.put(new Chunk(null, -1, null));
                    return;
                }
            }
        } catch (IOException e) {
            full.offer(new Chunk(null, -1, e));
        } catch (InterruptedException e) {
            // closed by the consumer
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current.bytes, position, buffer, offset, n);
        position += n;
        count += n;
        return n;
    }

    @Override
    public int available() {
        return ended ? 0 : current.length - position;
    }

    @Override
    public long skip(long n) throws IOException {
        return SkipByReading.skip(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }

    long count() {
        return count;
    }

    /** The SHA-256 of the whole file; valid once the end of the file has been read. */
    String sha256Hex() {
        if (!ended) {
            throw new IllegalStateException("the archive has not been read to its end");
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        if (position < current.length) {
            return true;
        }
        if (current.bytes != null && current.bytes.length == CHUNK) {
            free.offer(current.bytes);
        }
        try {
            current = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading the archive was interrupted");
        }
        position = 0;
        if (current.failure != null) {
            throw new IOException(current.failure.getMessage(), current.failure);
        }
        if (current.length < 0) {
            ended = true;
            return false;
        }
        return true;
    }

    private record Chunk(byte[] bytes, int length, IOException failure) {
    }
}
