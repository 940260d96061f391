package io.stellaops.airlock.bundle.sign;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One signature of a DSSE envelope: the unauthenticated key id hint, the signature bytes and, for
 * a signer whose key is vouched for by a certificate, that certificate chain (leaf first, stored in
 * the envelope's Airlock field {@code certChain}). Nothing here is trusted until a
 * trust policy says so.
 *
 * @param keyId            the key id hint; empty when the envelope gave none
 * @param sig              the signature bytes
 * @param certificateChain leaf first; empty for a raw key
 */
public record DsseSignature(String keyId, byte[] sig, List<X509Certificate> certificateChain) {
    public DsseSignature {
        Objects.requireNonNull(keyId, "keyId");
        sig = sig.clone();
        certificateChain = List.copyOf(certificateChain);
    }

    @Override
    public byte[] sig() {
        return sig.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DsseSignature s && s.keyId.equals(keyId) && Arrays.equals(s.sig, sig)
                && s.certificateChain.equals(certificateChain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, Arrays.hashCode(sig), certificateChain);
    }

    @Override
    public String toString() {
        return "DsseSignature[keyid " + keyId + ", " + sig.length + " bytes, " + certificateChain.size()
                + " certificate(s)]";
    }
}
