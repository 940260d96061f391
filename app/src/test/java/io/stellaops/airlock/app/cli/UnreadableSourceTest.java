package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code airlock} main in a separate JVM against a source file it may not read, and
 * checks the exit code, the message and that nothing was written. Root reads every file, so when
 * the tests run as root (as in CI) the child JVM is started through util-linux {@code setpriv}
 * without the two capabilities that let root bypass file permissions.
 */
class UnreadableSourceTest {
    @TempDir
    Path dir;

    @Test
    void anUnreadableSourceFileIsRefusedWithItsPathAndExit1() throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/storage"));
        Files.writeString(source.resolve("ok.yaml"), "a: 1\n");
        Path secret = Files.writeString(source.resolve("secret.yaml"), "b: 2\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path out = Files.createDirectory(dir.resolve("out"));

        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.stellaops.airlock.app.Main",
                "bundle", "build", "--source", dir.resolve("src").toString(), "--out", out.resolve("b.tar.gz").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("airlock: build: source file 'storage/secret.yaml' cannot be read: permission denied");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }
}
