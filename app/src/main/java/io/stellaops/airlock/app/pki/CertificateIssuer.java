package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.VerificationKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * Builds and signs one X.509 v3 certificate with Bouncy Castle: a random positive 128-bit serial,
 * the given validity, the subject and authority key identifiers (RFC 5280 method 1, SHA-1 of the
 * key) and the profile's extensions; the signature comes from the issuer's {@link SigningKey}.
 */
final class CertificateIssuer {
    private final SecureRandom random;

    CertificateIssuer(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param issuerKey    signs the certificate; for a self-signed CA, the subject's own key
     * @param issuerPublic the issuer's public key, for the authority key identifier
     */
    X509Certificate issue(X500Name issuer, SigningKey issuerKey, VerificationKey issuerPublic, X500Name subject,
            VerificationKey subjectKey, CertificateValidity validity, List<Extension> extensions) throws BundleException {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serial(),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject,
                    SubjectPublicKeyInfo.getInstance(subjectKey.publicKey().getEncoded()));
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerPublic.publicKey()));
            byte[] der = builder.build(new SigningKeyContentSigner(issuerKey)).getEncoded();
            return Certificates.decode(der, "the new certificate '" + subject + "'");
        } catch (CertIOException | NoSuchAlgorithmException | RuntimeOperatorException e) {
            throw new IllegalStateException("cannot build the certificate '" + subject + "'", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the certificate '" + subject + "'", e);
        }
    }

    /** An extension from its ASN.1 value. */
    static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }

    /** RFC 5280 4.1.2.2: positive, at most 20 octets; 128 random bits make collisions irrelevant. */
    private BigInteger serial() {
        byte[] bytes = new byte[16];
        BigInteger serial;
        do {
            random.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }
}
