package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.Passphrase;
import java.util.Objects;
import java.util.Optional;

/**
 * What the "Generate a key" dialog returns: the key type, the path prefix of the two files
 * ({@code PREFIX.key.pem}, {@code PREFIX.pub.pem}) and the passphrase, owned by whoever receives
 * it (the sign model wipes it once the key is written).
 */
public record KeyRequest(KeyAlgorithm algorithm, String prefix, Optional<Passphrase> passphrase) {

    public KeyRequest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(passphrase, "passphrase");
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a key needs a path prefix");
        }
    }

    @Override
    public String toString() {
        return "KeyRequest[" + algorithm.id() + ", " + prefix + (passphrase.isPresent() ? ", encrypted]" : "]");
    }
}
