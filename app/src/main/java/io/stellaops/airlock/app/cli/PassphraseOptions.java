package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.Passphrase;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a passphrase comes from: a file, an environment variable named by the operator, or an
 * interactive prompt; never a command-line argument, which other users can read in the process
 * list. The characters are handed over in a {@link Passphrase} that the caller closes (wipes).
 */
final class PassphraseOptions {
    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from FILE (the whole file, trailing line breaks removed).")
    Path file;

    @Option(names = "--passphrase-env", paramLabel = "VAR", description = "Read the passphrase from environment variable VAR.")
    String environmentVariable;

    @Option(names = "--passphrase-prompt", description = "Ask for the passphrase on the terminal.")
    boolean prompt;

    /**
     * @param confirm ask twice when prompting (for a new key)
     * @return the passphrase, or empty when none was asked for
     */
    Optional<Passphrase> read(boolean confirm) throws BundleException {
        int sources = (file != null ? 1 : 0) + (environmentVariable != null ? 1 : 0) + (prompt ? 1 : 0);
        if (sources > 1) {
            throw new BundleException(Failure.USAGE, "give the passphrase one way: --passphrase-file, --passphrase-env or --passphrase-prompt");
        }
        if (file != null) {
            try {
                return Optional.of(Passphrase.fromUtf8(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new BundleException(Failure.UNREADABLE, "cannot read the passphrase file " + file, e);
            }
        }
        if (environmentVariable != null) {
            String value = System.getenv(environmentVariable);
            if (value == null || value.isEmpty()) {
                throw new BundleException(Failure.USAGE, "environment variable " + environmentVariable + " is not set");
            }
            return Optional.of(Passphrase.wrap(value.toCharArray()));
        }
        return prompt ? Optional.of(ask(confirm)) : Optional.empty();
    }

    private static Passphrase ask(boolean confirm) throws BundleException {
        Console console = System.console();
        if (console == null) {
            throw new BundleException(Failure.USAGE, "--passphrase-prompt needs a terminal; use --passphrase-file instead");
        }
        char[] first = console.readPassword("Passphrase: ");
        if (first == null || first.length == 0) {
            throw new BundleException(Failure.USAGE, "no passphrase entered");
        }
        if (confirm) {
            char[] second = console.readPassword("Passphrase again: ");
            boolean same = Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new BundleException(Failure.USAGE, "the two passphrases differ");
            }
        }
        return Passphrase.wrap(first);
    }
}
