package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;

/**
 * Generates new signing keys with the JDK's generators: Ed25519, ECDSA on P-256 (secp256r1) and
 * RSA with a 3072-bit modulus and exponent 65537. Randomness is injectable for tests; production
 * callers pass a {@code new SecureRandom()}.
 */
public final class SigningKeys {
    private SigningKeys() {
    }

    public static SigningKey generate(KeyAlgorithm algorithm, SecureRandom random) throws BundleException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaKeyAlgorithm());
            switch (algorithm) {
                case ED25519 -> generator.initialize(255, random);
                case ECDSA_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                case RSA_3072 -> generator.initialize(
                        new RSAKeyGenParameterSpec(KeyAlgorithm.RSA_BITS, BigInteger.valueOf(65537)), random);
            }
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(pair.getPrivate(), VerificationKey.of(pair.getPublic(), "generated key"), List.of());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java platform cannot generate " + algorithm.id() + " keys", e);
        }
    }
}
