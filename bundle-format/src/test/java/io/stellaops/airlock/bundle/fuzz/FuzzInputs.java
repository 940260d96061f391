package io.stellaops.airlock.bundle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.bundle.BundleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the fuzz targets share: one scratch folder per JVM (a fuzzing run executes millions of
 * inputs; a folder per input would be slow) and the one rule every target checks, that a refusal is
 * a {@link BundleException} with a message a person can act on. Anything else that escapes a
 * target (a runtime exception, an error, a hang) is a finding.
 */
public final class FuzzInputs {
    private static Path scratch;

    private FuzzInputs() {
    }

    static synchronized Path scratch(String name) {
        try {
            if (scratch == null) {
                scratch = temporaryFolder("airlock-fuzz-");
            }
            return scratch.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder removed with everything in it when the JVM exits. */
    public static Path temporaryFolder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
        return folder;
    }

    /** A refusal must name its cause; an empty message or "null" would leave the operator guessing. */
    static void requireUsefulMessage(BundleException e) {
        assertThat(e.getMessage()).as("refusal message").isNotBlank().doesNotEndWith(": null");
        assertThat(e.failure()).isNotNull();
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
