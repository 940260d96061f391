package io.stellaops.airlock.bench;

import io.stellaops.airlock.bundle.archive.Compression;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compressing 16 MiB of text or of incompressible bytes: Airlock's gzip (pigz-style blocks, stored
 * when incompressible) and zstd (workers) on 1 and on all threads, against the JDK's single-threaded
 * GZIPOutputStream at level 6, which is what Airlock used before.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class CompressionBenchmark {
    private static final int TOTAL = 16 << 20;
    private static final int WRITE = 10240;

    @Param({"text", "random"})
    String content;

    @Param({"1", "0"})
    int threads;

    private byte[] data;

    @Setup
    public void setUp() {
        data = Payloads.of(content, TOTAL);
        if (threads == 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
    }

    @Benchmark
    public long airlockGzip() throws IOException {
        return compress(Compression.GZIP);
    }

    @Benchmark
    public long airlockZstd() throws IOException {
        return compress(Compression.ZSTD);
    }

    @Benchmark
    public long jdkGzipLevel6() throws IOException {
        Counting counting = new Counting();
        try (GZIPOutputStream gzip = new GZIPOutputStream(counting, 64 * 1024) {
            {
                def.setLevel(6);
            }
        }) {
            write(gzip);
        }
        return counting.count;
    }

    private long compress(Compression compression) throws IOException {
        Counting counting = new Counting();
        try (OutputStream out = compression.compress(counting, threads)) {
            write(out);
        }
        return counting.count;
    }

    /** In the tar writer's record size, as the archive writer feeds the compressor. */
    private void write(OutputStream out) throws IOException {
        for (int offset = 0; offset < TOTAL; offset += WRITE) {
            out.write(data, offset, Math.min(WRITE, TOTAL - offset));
        }
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
