package io.stellaops.airlock.bundle.archive;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The compressions a bundle archive may use. Gzip is the default because the Offline Kit expects
 * {@code .tar.gz}; zstd is offered for large bundles. Readers never trust the file name: they tell
 * the two apart by their magic bytes. Parameters are fixed so that the same tar stream always
 * compresses to the same bytes on the same platform.
 */
public enum Compression {
    /** RFC 1952 gzip, one member, deflate level 6 in independent 128 KiB blocks, no file name, mtime 0. */
    GZIP("gzip", ".tar.gz", new byte[] {0x1f, (byte) 0x8b}),
    /** Zstandard, level 3, single frame with content checksum, multi-threaded mode. */
    ZSTD("zstd", ".tar.zst", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    static final int GZIP_LEVEL = 6;
    static final int ZSTD_LEVEL = 3;
    static final int MAX_THREADS = 4;
    /** Fixed rather than left to the library's default, so that it cannot change the bytes; bounds the workers' buffers. */
    static final int ZSTD_JOB_SIZE = 4 * 1024 * 1024;
    /** Between the tar writer (which writes 10 KiB records) and the compressor: fewer native calls. */
    private static final int BUFFER = 1024 * 1024;

    private final String id;
    private final String suffix;
    private final byte[] magic;

    Compression(String id, String suffix, byte[] magic) {
        this.id = id;
        this.suffix = suffix;
        this.magic = magic;
    }

    /** The name used on the command line and in reports. */
    public String id() {
        return id;
    }

    /** The archive file suffix, for example {@code .tar.gz}. */
    public String suffix() {
        return suffix;
    }

    /** The number of leading bytes {@link #detect} needs. */
    public static int magicLength() {
        return 4;
    }

    /** The compression whose magic bytes start {@code head}, if any. */
    public static Optional<Compression> detect(byte[] head) {
        for (Compression compression : values()) {
            if (head.length >= compression.magic.length
                    && Arrays.equals(head, 0, compression.magic.length, compression.magic, 0, compression.magic.length)) {
                return Optional.of(compression);
            }
        }
        return Optional.empty();
    }

    public static Optional<Compression> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /**
     * A stream that compresses into {@code out} on one thread per processor, at most
     * {@value #MAX_THREADS} (each thread holds buffers, native ones for zstd, so memory stays
     * bounded on large machines); closing it finishes the compressed stream and closes {@code out}.
     */
    public OutputStream compress(OutputStream out) throws IOException {
        return compress(out, defaultThreads());
    }

    /** One thread per processor, at most {@value #MAX_THREADS}. */
    public static int defaultThreads() {
        return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A stream that compresses into {@code out} on {@code threads} threads. The bytes do not depend
     * on {@code threads}: gzip cuts fixed blocks ({@link ParallelGzipOutputStream}), and zstd always
     * runs in its multi-threaded mode (at least one worker), whose output is the same for any number
     * of workers.
     */
    public OutputStream compress(OutputStream out, int threads) throws IOException {
        OutputStream compressor = switch (this) {
            case GZIP -> new ParallelGzipOutputStream(out, GZIP_LEVEL, threads);
            case ZSTD -> {
                ZstdOutputStream zstd = new ZstdOutputStream(out, ZSTD_LEVEL);
                zstd.setChecksum(true);
                zstd.setWorkers(Math.max(1, threads));
                zstd.setJobSize(ZSTD_JOB_SIZE);
                yield zstd;
            }
        };
        return new BufferedOutputStream(compressor, BUFFER);
    }
}
