package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Whether a certificate chains to a CA of the CA file, by the JDK's PKIX validator with revocation
 * checking off (an air-gapped cluster has no CRL or OCSP to reach). The path is the leaf plus the
 * intermediates found beside it, ordered by issuer name. Time is judged by the validity check, not
 * here: the path is validated at "now" moved into the leaf's window, so an expired leaf is reported
 * once, as expired, and not a second time as "does not chain".
 */
final class ChainValidation {
    /**
     * @param item the chain check's line
     * @param path the certificates checked, leaf first, ending with the CA when one was found
     */
    record Outcome(TlsCheckItem item, List<X509Certificate> path) {
    }

    private ChainValidation() {
    }

    static Outcome validate(List<X509Certificate> chain, List<X509Certificate> cas, Instant now, String source,
            String caSource) {
        X509Certificate leaf = chain.get(0);
        if (cas.contains(leaf)) {
            return new Outcome(TlsCheckItem.fail("chain", source + " is a certificate of " + caSource
                    + " itself, not one issued by it"), List.of(leaf));
        }
        List<X509Certificate> path = order(chain, cas);
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        cas.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(within(leaf, now)));
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) validator.validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
            List<X509Certificate> full = new ArrayList<>(path);
            full.add(anchor);
            int intermediates = path.size() - 1;
            return new Outcome(TlsCheckItem.pass("chain", source + " chains to '" + Certificates.subject(anchor) + "' in "
                    + caSource + (intermediates == 0 ? "" : " through " + intermediates + " intermediate(s)")), full);
        } catch (CertPathValidatorException e) {
            return new Outcome(TlsCheckItem.fail("chain", explain(e, path, cas, source, caSource)), path);
        } catch (GeneralSecurityException e) {
            return new Outcome(TlsCheckItem.fail("chain", source + " cannot be validated against " + caSource + ": "
                    + e.getMessage()), path);
        }
    }

    /** Leaf, then each issuer found among the other certificates of the file, until one a CA of the CA file issued. */
    private static List<X509Certificate> order(List<X509Certificate> chain, List<X509Certificate> cas) {
        List<X509Certificate> path = new ArrayList<>(List.of(chain.get(0)));
        while (path.size() < Certificates.MAX_CHAIN) {
            X509Certificate current = path.get(path.size() - 1);
            if (cas.stream().anyMatch(ca -> issued(ca, current))) {
                break;
            }
            Optional<X509Certificate> next = chain.stream().filter(candidate -> !path.contains(candidate)
                    && !cas.contains(candidate) && !selfIssued(candidate) && issued(candidate, current)).findFirst();
            if (next.isEmpty()) {
                break;
            }
            path.add(next.get());
        }
        return path;
    }

    private static String explain(CertPathValidatorException e, List<X509Certificate> path, List<X509Certificate> cas,
            String source, String caSource) {
        int index = e.getIndex();
        X509Certificate at = index >= 0 && index < path.size() ? path.get(index) : path.get(path.size() - 1);
        String subject = "'" + Certificates.subject(at) + "'";
        String issuer = "'" + issuerName(at) + "'";
        if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
            X509Certificate last = path.get(path.size() - 1);
            String names = source + " was not issued by a CA in " + caSource + ": " + (last == path.get(0) ? "it" : "its chain")
                    + " names the issuer '" + issuerName(last) + "'";
            if (cas.stream().anyMatch(ca -> issued(ca, last))) {
                return names + ", and " + caSource + " holds a CA of that name but with another key: a different CA"
                        + " of the same name (re-created, or an impostor) issued it";
            }
            return names + ", and " + caSource
                    + " holds " + CertificateChecks.list(cas.stream().map(c -> "'" + Certificates.subject(c) + "'").toList(), 4);
        }
        if (e.getReason() == BasicReason.INVALID_SIGNATURE) {
            return "the signature on " + subject + " does not verify with the key of " + issuer + " in " + caSource
                    + ": another CA of the same name issued it, or the certificate was altered";
        }
        if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
            return "the intermediate " + subject + " is " + (e.getReason() == BasicReason.EXPIRED ? "expired" : "not yet valid");
        }
        if (e.getReason() == PKIXReason.NOT_CA_CERT || e.getReason() == PKIXReason.INVALID_KEY_USAGE
                || e.getReason() == PKIXReason.PATH_TOO_LONG) {
            return issuer + " may not issue " + subject + " (" + e.getReason().toString().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ")";
        }
        if (e.getReason() == BasicReason.ALGORITHM_CONSTRAINED) {
            return subject + " is signed with " + at.getSigAlgName() + ", an algorithm Java refuses for TLS";
        }
        return source + " does not chain to " + caSource + ": " + e.getMessage();
    }

    private static Instant within(X509Certificate leaf, Instant now) {
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        return now.isBefore(notBefore) ? notBefore : now.isAfter(notAfter) ? notAfter : now;
    }

    private static String issuerName(X509Certificate certificate) {
        return BundlePath.printable(certificate.getIssuerX500Principal().getName(X500Principal.RFC2253));
    }

    private static boolean issued(X509Certificate issuer, X509Certificate subject) {
        return issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal());
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
