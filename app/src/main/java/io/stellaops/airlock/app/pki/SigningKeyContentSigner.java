package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Map;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * Lets Bouncy Castle's certificate builder sign with a library {@link SigningKey}, through the key's
 * own {@link SigningKey#sign}, so the private key never leaves the library object (there is no
 * accessor for it, by design). The algorithm identifier written into the certificate is the one
 * that scheme produces: Ed25519; ecdsa-with-SHA256; RSASSA-PSS with SHA-256, MGF1-SHA-256 and a
 * 32-byte salt (what the library signs RSA with), which OpenSSL, Go and Java accept in certificates.
 */
final class SigningKeyContentSigner implements ContentSigner {
    private static final Map<KeyAlgorithm, AlgorithmIdentifier> IDENTIFIERS = Map.of(
            KeyAlgorithm.ED25519, find("Ed25519"),
            KeyAlgorithm.ECDSA_P256, find("SHA256withECDSA"),
            KeyAlgorithm.RSA_3072, find("SHA256withRSAandMGF1"));

    private final SigningKey key;
    private final ByteArrayOutputStream tbs = new ByteArrayOutputStream(2048);

    SigningKeyContentSigner(SigningKey key) {
        this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return IDENTIFIERS.get(key.algorithm());
    }

    @Override
    public OutputStream getOutputStream() {
        return tbs;
    }

    @Override
    public byte[] getSignature() {
        try {
            return key.sign(tbs.toByteArray());
        } catch (BundleException e) {
            throw new RuntimeOperatorException("cannot sign the certificate with the " + key.algorithm().id() + " key", e);
        }
    }

    private static AlgorithmIdentifier find(String name) {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(name);
    }
}
