package io.stellaops.airlock.bench;

import io.stellaops.airlock.bundle.archive.DeterministicTarWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tar framing alone: 256 entries of the given size (short and long paths alternate, so half
 * get a PAX path record) written to a null stream, without compression or hashing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TarFramingBenchmark {
    private static final int ENTRIES = 256;
    private static final String LONG = "dashboards/" + "nested-folder/".repeat(8);

    @Param({"1024", "32768", "1048576"})
    int entrySize;

    private byte[] content;

    @Setup
    public void setUp() {
        content = Payloads.text(entrySize);
    }

    @Benchmark
    public void writeEntries(Blackhole hole) throws IOException {
        try (DeterministicTarWriter tar = new DeterministicTarWriter(OutputStream.nullOutputStream(), Instant.EPOCH)) {
            for (int i = 0; i < ENTRIES; i++) {
                String path = (i % 2 == 0 ? "config/" : LONG) + "file-" + i + ".yaml";
                tar.writeFile(path, 0644, entrySize, new ByteArrayInputStream(content), OutputStream.nullOutputStream());
            }
        }
        hole.consume(content);
    }
}
