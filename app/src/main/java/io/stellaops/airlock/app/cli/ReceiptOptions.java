package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.KeyLoader;
import io.stellaops.airlock.bundle.keys.Passphrase;
import io.stellaops.airlock.bundle.kit.ReceiptSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who signs the kit's receipts: {@code --operator} and the operator's {@code --receipt-key}. */
final class ReceiptOptions {
    @Option(names = "--operator", paramLabel = "NAME", description = "Operator named in the receipt (default: the current user).")
    String operator;

    @Option(names = "--receipt-key", paramLabel = "KEY",
            description = "Operator's private key that signs the receipt (default: unsigned, hash-chained receipts).")
    Path key;

    @Mixin
    PassphraseOptions passphrase;

    ReceiptSettings settings() throws BundleException {
        ReceiptSettings settings = ReceiptSettings.unsigned();
        if (operator != null && !operator.isBlank()) {
            settings = settings.withOperator(operator);
        }
        if (key == null) {
            return settings;
        }
        Optional<Passphrase> secret = passphrase.read(false);
        try {
            return settings.withKey(KeyLoader.load(key, secret, Optional.empty()));
        } finally {
            secret.ifPresent(Passphrase::close);
        }
    }
}
