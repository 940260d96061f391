package io.stellaops.airlock.bundle.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} command line, the independent referee of our key files and signatures:
 * what it accepts was not judged by our own code.
 *
 * @param exitCode the process's exit code
 * @param output   standard output and error together
 */
public record Openssl(int exitCode, String output) {

    /** Runs openssl with {@code args} in {@code dir}; fails the test when it exits non-zero. */
    public static String run(Path dir, String... args) {
        Openssl result = attempt(dir, args);
        if (result.exitCode != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " exited " + result.exitCode + ":\n"
                    + result.output);
        }
        return result.output;
    }

    /** Runs openssl and returns its outcome, whatever it is. */
    public static Openssl attempt(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Openssl(process.exitValue(), new String(out, UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running openssl", e);
        }
    }
}
