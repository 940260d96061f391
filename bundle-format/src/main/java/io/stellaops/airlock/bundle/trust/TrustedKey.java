package io.stellaops.airlock.bundle.trust;

import io.stellaops.airlock.bundle.keys.VerificationKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key the trust policy accepts as a signer.
 *
 * @param key    the key, its scheme and key id
 * @param name   the signer's name: given in trust.yaml, or taken from the file name or certificate CN in a folder
 * @param source where it was listed, for messages
 */
public record TrustedKey(VerificationKey key, Optional<String> name, String source) {
    public TrustedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    public String keyId() {
        return key.keyId();
    }
}
