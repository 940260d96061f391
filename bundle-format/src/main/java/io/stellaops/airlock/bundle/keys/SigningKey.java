package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A private key ready to sign, with its public half and optionally the certificate chain that
 * vouches for it (leaf first). The private key never leaves this object except to be written by
 * {@link KeyWriter}; {@link #toString()} shows only the algorithm and key id.
 */
public final class SigningKey {
    private final PrivateKey privateKey;
    private final VerificationKey verificationKey;
    private final List<X509Certificate> certificateChain;

    SigningKey(PrivateKey privateKey, VerificationKey verificationKey, List<X509Certificate> certificateChain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.verificationKey = Objects.requireNonNull(verificationKey, "verificationKey");
        this.certificateChain = List.copyOf(certificateChain);
    }

    public KeyAlgorithm algorithm() {
        return verificationKey.algorithm();
    }

    public String keyId() {
        return verificationKey.keyId();
    }

    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /** Leaf first; empty for a raw key. */
    public List<X509Certificate> certificateChain() {
        return certificateChain;
    }

    /**
     * The same key with a certificate chain; the leaf must certify this key.
     *
     * @throws BundleException {@link Failure#USAGE} when the leaf belongs to another key
     */
    public SigningKey withCertificateChain(List<X509Certificate> chain, String source) throws BundleException {
        if (chain.size() > Certificates.MAX_CHAIN) {
            throw new BundleException(Failure.REFUSED, source + " holds more than " + Certificates.MAX_CHAIN
                    + " certificates");
        }
        if (!chain.isEmpty() && !Arrays.equals(chain.get(0).getPublicKey().getEncoded(),
                verificationKey.publicKey().getEncoded())) {
            throw new BundleException(Failure.USAGE, "the certificate '" + Certificates.subject(chain.get(0))
                    + "' in " + source + " does not belong to this private key (key id " + keyId() + ")");
        }
        return new SigningKey(privateKey, verificationKey, chain);
    }

    /** Signs {@code message} with this key's scheme (see {@link KeyAlgorithm}). */
    public byte[] sign(byte[] message) throws BundleException {
        return algorithm().sign(privateKey, message);
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "SigningKey[" + verificationKey.label() + (certificateChain.isEmpty() ? "" : ", "
                + Certificates.subject(certificateChain.get(0))) + "]";
    }
}
