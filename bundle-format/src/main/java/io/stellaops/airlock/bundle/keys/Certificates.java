package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * X.509 certificates as Airlock reads them: decoded by the JDK, named by their subject in a form
 * that is safe to print (no control characters), and told apart as CA or end-entity certificates.
 */
public final class Certificates {
    /** Longer chains than this are refused: a leaf, a few intermediates, perhaps the root. */
    public static final int MAX_CHAIN = 8;

    private Certificates() {
    }

    public static X509Certificate decode(byte[] der, String source) throws BundleException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new BundleException(Failure.REFUSED, source + ": not a valid X.509 certificate", e);
        }
    }

    /** Every "CERTIFICATE" block, in file order; other blocks are the caller's business. */
    public static List<X509Certificate> fromPem(List<PemBlock> blocks, String source) throws BundleException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemBlock block : blocks) {
            if (block.type().equals("CERTIFICATE")) {
                certificates.add(decode(block.content(), source));
            }
        }
        return certificates;
    }

    /** The chain in a PEM file: leaf first, then the certificates that issued it. */
    public static List<X509Certificate> readChain(java.nio.file.Path file) throws BundleException {
        List<X509Certificate> chain = fromPem(PemFiles.read(file), file.toString());
        if (chain.isEmpty()) {
            throw new BundleException(Failure.REFUSED, file + " holds no CERTIFICATE block");
        }
        if (chain.size() > MAX_CHAIN) {
            throw new BundleException(Failure.REFUSED, file + " holds more than " + MAX_CHAIN + " certificates");
        }
        return chain;
    }

    /** The subject as RFC 2253 text, printable. */
    public static String subject(X509Certificate certificate) {
        return BundlePath.printable(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
    }

    /** The subject's common name (CN), printable, when it has one. */
    public static Optional<String> commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cns = name.getRDNs(BCStyle.CN);
        if (cns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(BundlePath.printable(IETFUtils.valueToString(cns[0].getFirst().getValue())));
    }

    /** Whether the certificate may issue others (basic constraints CA=true). */
    public static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }
}
