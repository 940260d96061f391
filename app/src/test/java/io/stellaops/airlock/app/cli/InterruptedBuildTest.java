package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code airlock bundle build} JVM ended by a signal (SIGTERM, as Ctrl-C or a closing terminal
 * would) while it writes: its shutdown hook removes the half-written archive, so nothing is left.
 */
class InterruptedBuildTest {
    @TempDir
    Path dir;

    @Test
    void aBuildEndedBySignalLeavesNoPartialFile() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/images"));
        try (RandomAccessFile file = new RandomAccessFile(source.resolve("big.oci.tar").toFile(), "rw")) {
            file.setLength(1L << 30);
        }
        Path out = Files.createDirectory(dir.resolve("out"));
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.stellaops.airlock.app.Main", "bundle", "build",
                "--source", dir.resolve("src").toString(), "--out", out.resolve("big.tar.zst").toString(),
                "--compression", "zstd").redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (list(out).stream().noneMatch(p -> p.getFileName().toString().endsWith(".partial"))) {
                assertThat(build.isAlive()).as("the build should still be writing").isTrue();
                assertThat(System.nanoTime()).as("a .partial file should appear").isLessThan(deadline);
                Thread.sleep(50);
            }
            build.destroy();
            assertThat(build.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            build.destroyForcibly();
        }
        assertThat(list(out)).isEmpty();
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
