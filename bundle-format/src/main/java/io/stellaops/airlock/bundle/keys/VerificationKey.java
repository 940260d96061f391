package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A public key of one of the supported schemes, with its key id: what a trust policy lists and what
 * verifies a signature. Built only through {@link #of(PublicKey, String)} or {@link #fromSpki}, so
 * that every instance is of a supported type and size.
 *
 * @param algorithm the scheme
 * @param publicKey the JDK key
 * @param keyId     lowercase hex SHA-256 of its DER SubjectPublicKeyInfo
 */
public record VerificationKey(KeyAlgorithm algorithm, PublicKey publicKey, String keyId) {
    public VerificationKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!KeyIds.of(publicKey).equals(keyId)) {
            throw new IllegalArgumentException("key id does not belong to the key");
        }
    }

    /** @param source names the key's origin in messages (a file, a certificate) */
    public static VerificationKey of(PublicKey key, String source) throws BundleException {
        return fromSpki(key.getEncoded(), source);
    }

    /**
     * Decodes a DER SubjectPublicKeyInfo, as found in a "PUBLIC KEY" PEM block or a certificate.
     *
     * @throws BundleException {@link Failure#REFUSED} when malformed or of an unsupported type
     */
    public static VerificationKey fromSpki(byte[] der, String source) throws BundleException {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new BundleException(Failure.REFUSED, source + ": not a valid public key (SubjectPublicKeyInfo)", e);
        }
        KeyAlgorithm algorithm = KeyAlgorithm.of(info.getAlgorithm(), () -> rsaBits(info), source);
        try {
            PublicKey key = KeyFactory.getInstance(algorithm.jcaKeyAlgorithm()).generatePublic(new X509EncodedKeySpec(der));
            return new VerificationKey(algorithm, key, KeyIds.of(key));
        } catch (GeneralSecurityException e) {
            throw new BundleException(Failure.REFUSED, source + ": not a valid " + algorithm.id() + " public key", e);
        }
    }

    private static int rsaBits(SubjectPublicKeyInfo info) {
        try {
            return RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public boolean verifies(byte[] message, byte[] signature) {
        return algorithm.verify(publicKey, message, signature);
    }

    /** The key as a "PUBLIC KEY" PEM block (SPKI), as {@code openssl pkey -pubout} writes it. */
    public byte[] toPem() {
        return PemFiles.encode("PUBLIC KEY", publicKey.getEncoded());
    }

    /** "ed25519 3f2a09c1d4e5b6a7": scheme and short key id, for summaries. */
    public String label() {
        return algorithm.id() + " " + KeyIds.shortForm(keyId);
    }
}
