package io.stellaops.airlock.bench;

import io.stellaops.airlock.bundle.archive.Sha256;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
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
 * SHA-256 (what every payload byte and the archive go through) and CRC-32 (gzip's trailer) over
 * 8 MiB, fed in buffers of the given size. The SHA-256 figure is the ceiling of one verify thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HashingBenchmark {
    private static final int TOTAL = 8 << 20;

    @Param({"65536", "262144", "1048576"})
    int bufferSize;

    private byte[] data;
    private MessageDigest sha256;

    @Setup
    public void setUp() {
        data = Payloads.random(TOTAL);
        sha256 = Sha256.newDigest();
    }

    /** Operations per second x 8 MiB = MiB/s. */
    @Benchmark
    public byte[] sha256() {
        for (int offset = 0; offset < TOTAL; offset += bufferSize) {
            sha256.update(data, offset, Math.min(bufferSize, TOTAL - offset));
        }
        return sha256.digest();
    }

    @Benchmark
    public long crc32() {
        CRC32 crc = new CRC32();
        for (int offset = 0; offset < TOTAL; offset += bufferSize) {
            crc.update(data, offset, Math.min(bufferSize, TOTAL - offset));
        }
        return crc.getValue();
    }
}
