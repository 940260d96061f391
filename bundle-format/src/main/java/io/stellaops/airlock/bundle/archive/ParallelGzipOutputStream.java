package io.stellaops.airlock.bundle.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip member (RFC 1952) compressed pigz-style on several threads, whose bytes do not depend on
 * the number of threads. The input is cut into blocks of exactly {@value #BLOCK} bytes (the last may
 * be shorter); each block is deflated on its own, primed with the previous {@value #DICTIONARY}
 * bytes of input as preset dictionary, and ends with a sync flush (an empty stored block) so that
 * the next block starts on a byte boundary; the last block ends the deflate stream. The blocks,
 * concatenated in order, form one ordinary deflate stream that any gunzip reads.
 *
 * <p>A block whose bytes look incompressible (order-0 entropy of at least {@value #STORE_BITS_PER_BYTE}
 * bits per byte, like image layers that are already compressed) is written as stored deflate blocks
 * rather than recompressed: same format, a fraction of the CPU. The choice depends only on the
 * block's bytes, so the output stays deterministic. CRC-32 and size are computed on the writing
 * thread; at most a few blocks are in flight, so memory stays constant.
 */
public final class ParallelGzipOutputStream extends OutputStream {
    static final int BLOCK = 128 * 1024;
    static final int DICTIONARY = 32 * 1024;
    static final double STORE_BITS_PER_BYTE = 7.95;
    /** Header: no flags, no name, mtime 0, XFL 0, OS 255, as Java's GZIPOutputStream writes it. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final OutputStream out;
    private final int level;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    /** Input blocks no task reads any more (neither as input nor as the next block's dictionary). */
    private final ArrayDeque<byte[]> spareBlocks = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<byte[]> spareOutputs = new ConcurrentLinkedQueue<>();
    private byte[] lastWrittenBlock;
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK];
    private int filled;
    private byte[] dictionary;
    private int dictionaryEnd;
    private long size;
    private boolean closed;

    /** @param threads how many threads deflate; the bytes written are the same for any value */
    public ParallelGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.out = out;
        this.level = level;
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "airlock-gzip-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.maxInFlight = 2 * threads + 2;
        out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        crc.update(bytes, offset, length);
        size += length;
        while (length > 0) {
            int n = Math.min(length, BLOCK - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == BLOCK) {
                submit(false);
            }
        }
    }

    /** Compressed blocks are written as they complete; flush does not cut a block, so it cannot change the bytes. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(true);
            while (!inFlight.isEmpty()) {
                writeOldest();
            }
            writeIntLe((int) crc.getValue());
            writeIntLe((int) size);
            out.close();
        } finally {
            pool.shutdownNow();
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        int length = filled;
        byte[] preset = dictionary;
        int presetEnd = dictionaryEnd;
        while (inFlight.size() >= maxInFlight) {
            writeOldest();
        }
        inFlight.add(new Pending(input, pool.submit(() -> deflate(input, length, preset, presetEnd, level, last,
                spareOutputs.poll()))));
        if (!last) {
            dictionary = input;
            dictionaryEnd = length;
            block = spareBlocks.isEmpty() ? new byte[BLOCK] : spareBlocks.pop();
            filled = 0;
        }
    }

    private void writeOldest() throws IOException {
        Pending oldest = inFlight.poll();
        try {
            Deflated deflated = oldest.result.get();
            out.write(deflated.bytes, 0, deflated.length);
            spareOutputs.offer(deflated.bytes);
            // The block before this one served as this one's dictionary: now nobody reads it.
            if (lastWrittenBlock != null) {
                spareBlocks.push(lastWrittenBlock);
            }
            lastWrittenBlock = oldest.input;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new InterruptedIOException("compression interrupted");
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw new IOException("compression failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Deflates one block, priming it with the {@value #DICTIONARY} bytes of {@code preset} before
     * {@code presetEnd}; a pure function of its arguments, which is what makes the stream deterministic.
     * {@code output} is a spare buffer to reuse, or null.
     */
    static Deflated deflate(byte[] input, int length, byte[] preset, int presetEnd, int level, boolean last,
            byte[] output) {
        Deflater deflater = new Deflater(incompressible(input, length) ? Deflater.NO_COMPRESSION : level, true);
        try {
            if (preset != null) {
                deflater.setDictionary(preset, presetEnd - DICTIONARY, DICTIONARY);
            }
            deflater.setInput(input, 0, length);
            if (last) {
                deflater.finish();
            }
            if (output == null || output.length < length + length / 64 + 64) {
                output = new byte[length + length / 64 + 64];
            }
            int written = 0;
            while (true) {
                if (written == output.length) {
                    output = Arrays.copyOf(output, output.length * 2);
                }
                int n = deflater.deflate(output, written, output.length - written,
                        last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                written += n;
                if (last ? deflater.finished() : written < output.length && deflater.needsInput()) {
                    return new Deflated(output, written);
                }
            }
        } finally {
            deflater.end();
        }
    }

    /** Order-0 entropy of the block, in integer counts and StrictMath so that every platform decides alike. */
    static boolean incompressible(byte[] input, int length) {
        if (length < 4096) {
            return false;
        }
        int[] counts = new int[256];
        for (int i = 0; i < length; i++) {
            counts[input[i] & 0xff]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                bits -= p * StrictMath.log(p);
            }
        }
        return bits / StrictMath.log(2) >= STORE_BITS_PER_BYTE;
    }

    record Deflated(byte[] bytes, int length) {
    }

    private record Pending(byte[] input, Future<Deflated> result) {
    }

    private void writeIntLe(int value) throws IOException {
        out.write(new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }
}
