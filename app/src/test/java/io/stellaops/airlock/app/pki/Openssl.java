package io.stellaops.airlock.app.pki;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the {@code openssl} command line, the independent referee of the TLS material: what it
 * accepts was not judged by our own code. Every run is bounded in time.
 *
 * @param exitCode the process's exit code
 * @param output   standard output and error together
 */
record Openssl(int exitCode, String output) {
    private static final long TIMEOUT_SECONDS = 60;

    /** Runs openssl in {@code dir}; fails the test when it exits non-zero. */
    static String run(Path dir, String... args) {
        Openssl result = attempt(dir, new byte[0], args);
        if (result.exitCode != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " exited " + result.exitCode + ":\n" + result.output);
        }
        return result.output;
    }

    /** Runs openssl with {@code input} on its standard input and returns its outcome, whatever it is. */
    static Openssl attempt(Path dir, byte[] input, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl (is it installed?): " + e.getMessage(), e);
        }
        try {
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // The process may have ended before reading its input; its output says why.
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("openssl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Openssl(process.exitValue(), new String(output.get(10, TimeUnit.SECONDS), UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running openssl", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot read the output of openssl " + String.join(" ", args), e);
        } finally {
            process.destroyForcibly();
        }
    }

    static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
