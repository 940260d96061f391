package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.SigningKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate with the private key it certifies, as a new CA, server or client gets them. The
 * key stays inside its {@link SigningKey}; {@link #toString()} names the subject and key id only.
 *
 * @param certificate the certificate
 * @param key         its private key
 */
public record IssuedCertificate(X509Certificate certificate, SigningKey key) {
    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
    }

    public String subject() {
        return Certificates.subject(certificate);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + subject() + ", " + key.verificationKey().label() + "]";
    }
}
