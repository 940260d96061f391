package io.stellaops.airlock.bundle.keys;

import java.nio.file.Path;

/**
 * The files {@link KeyWriter} wrote for one new key.
 *
 * @param privateKey the PKCS#8 PEM private key, owner-only
 * @param publicKey  the SPKI PEM public key, to hand to verifiers
 * @param algorithm  the key's scheme
 * @param keyId      its key id
 * @param encrypted  whether the private key is encrypted with a passphrase
 */
public record KeyFiles(Path privateKey, Path publicKey, KeyAlgorithm algorithm, String keyId, boolean encrypted) {
}
