package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds and verifies a bundle holding a file ten times larger than the heap, each in a real
 * {@code airlock} JVM limited to a 40 MiB heap: streaming, not buffering, is what lets it pass.
 * (Memory is measured properly, with peak RSS at two sizes, by the benchmark, not here.)
 */
class ConstantMemoryTest {
    private static final long LARGE = 400L << 20;

    @TempDir
    Path dir;

    @Test
    void buildsAndVerifiesAFileTenTimesTheHeap() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/images"));
        try (RandomAccessFile file = new RandomAccessFile(source.resolve("collector.oci.tar").toFile(), "rw")) {
            file.setLength(LARGE);
        }
        Files.writeString(dir.resolve("src/README.md"), "large bundle\n");
        Path archive = dir.resolve("large.tar.zst");

        assertThat(airlock("bundle", "build", "--source", dir.resolve("src").toString(), "--out", archive.toString(),
                "--compression", "zstd")).isZero();
        assertThat(airlock("bundle", "verify", archive.toString())).isZero();
    }

    private static int airlock(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx40m",
                "-cp", System.getProperty("java.class.path"), "io.stellaops.airlock.app.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return process.exitValue();
    }
}
