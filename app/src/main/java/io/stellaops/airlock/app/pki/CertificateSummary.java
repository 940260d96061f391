package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;

/**
 * What a report or a screen shows of a certificate: names printable, serial in hex, the validity
 * window and the SHA-256 fingerprint of its DER encoding.
 */
public record CertificateSummary(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
        String sha256) {
    public static CertificateSummary of(X509Certificate certificate) {
        return new CertificateSummary(Certificates.subject(certificate),
                BundlePath.printable(certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)),
                certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), fingerprint(certificate));
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
