package io.stellaops.airlock.bundle.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The multi-threaded compressors against real decompressors: the JDK's GZIPInputStream, the
 * system's GNU gzip (started as a process) and zstd-jni's decoder. Their bytes must not depend on
 * the number of threads, which is what keeps builds deterministic on any machine.
 */
class ParallelCompressionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void theBytesDoNotDependOnTheNumberOfThreads(Compression compression) throws IOException {
        byte[] input = mixed(3 * ParallelGzipOutputStream.BLOCK + 12345);
        byte[] one = compress(compression, input, 1, 7919);
        assertThat(compress(compression, input, 2, 65536)).isEqualTo(one);
        assertThat(compress(compression, input, 5, 1)).isEqualTo(one);
        assertThat(decompress(compression, one)).isEqualTo(input);
    }

    @Test
    void zstdJobsDoNotDependOnTheNumberOfWorkers() throws IOException {
        // Larger than two 4 MiB jobs, so that the workers really split the frame.
        byte[] input = mixed(9 * 1024 * 1024 + 3);
        byte[] one = compress(Compression.ZSTD, input, 1, 1 << 20);
        assertThat(compress(Compression.ZSTD, input, 3, 10240)).isEqualTo(one);
        assertThat(decompress(Compression.ZSTD, one)).isEqualTo(input);
    }

    @Test
    void gnuGzipReadsOneMemberAndChecksItsCrc() throws Exception {
        byte[] input = mixed(5 * ParallelGzipOutputStream.BLOCK + 77);
        Path archive = dir.resolve("mixed.gz");
        Files.write(archive, compress(Compression.GZIP, input, 3, 100_000));
        Path unpacked = dir.resolve("mixed");
        Process gunzip = new ProcessBuilder("gzip", "-dc", archive.toString())
                .redirectOutput(unpacked.toFile()).redirectErrorStream(false).start();
        assertThat(gunzip.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(gunzip.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(gunzip.exitValue()).isZero();
        assertThat(Files.readAllBytes(unpacked)).isEqualTo(input);
    }

    @Test
    void incompressibleBlocksAreStoredAndTextIsCompressed() throws IOException {
        byte[] random = new byte[4 * ParallelGzipOutputStream.BLOCK];
        new SplittableRandom(1).nextBytes(random);
        byte[] stored = compress(Compression.GZIP, random, 2, 65536);
        // Stored deflate blocks cost 5 bytes per 64 KiB plus one sync marker per block: well under 0.1%.
        assertThat(stored.length).isBetween(random.length, random.length + random.length / 1000 + 64);
        assertThat(ParallelGzipOutputStream.incompressible(random, random.length)).isTrue();

        byte[] text = yaml(random.length);
        assertThat(ParallelGzipOutputStream.incompressible(text, text.length)).isFalse();
        assertThat(compress(Compression.GZIP, text, 2, 65536).length).isLessThan(text.length / 2);
        assertThat(decompress(Compression.GZIP, stored)).isEqualTo(random);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void emptyInputIsAValidStream(Compression compression) throws IOException {
        byte[] empty = compress(compression, new byte[0], 2, 1);
        assertThat(decompress(compression, empty)).isEmpty();
        assertThat(Compression.detect(empty)).contains(compression);
    }

    private static byte[] compress(Compression compression, byte[] input, int threads, int writeSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compression.compress(bytes, threads)) {
            for (int offset = 0; offset < input.length; offset += writeSize) {
                out.write(input, offset, Math.min(writeSize, input.length - offset));
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] decompress(Compression compression, byte[] archive) throws IOException {
        var in = new ByteArrayInputStream(archive);
        try (var decompressed = compression == Compression.GZIP ? new GZIPInputStream(in) : new ZstdInputStream(in)) {
            return decompressed.readAllBytes();
        }
    }

    /** YAML-like text with incompressible stretches in between, as a tar of a telemetry folder looks. */
    private static byte[] mixed(int length) {
        byte[] bytes = yaml(length);
        SplittableRandom random = new SplittableRandom(42);
        for (int offset = 100_000; offset + 150_000 < length; offset += 300_000) {
            byte[] noise = new byte[150_000];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, bytes, offset, noise.length);
        }
        return bytes;
    }

    private static byte[] yaml(int length) {
        StringBuilder text = new StringBuilder(length + 64);
        SplittableRandom random = new SplittableRandom(7);
        while (text.length() < length) {
            text.append("  retention_").append(random.nextInt(1000)).append(": ").append(random.nextInt(100_000)).append('\n');
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }
}
