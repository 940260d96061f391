package io.stellaops.airlock.bundle.trust;

import io.stellaops.airlock.bundle.keys.Certificates;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a signer's certificate chain with the JDK's PKIX validator against the policy's CAs,
 * at the bundle's {@code createdAt} rather than now, so that a bundle stays verifiable after its
 * signer's certificate expires. Revocation is not checked: an air-gapped verifier has no CRL or
 * OCSP responder to ask. The trusted CA itself must also be valid at that time, and an end-entity
 * certificate that restricts key usage must allow digital signatures.
 */
final class ChainValidator {
    private static final int DIGITAL_SIGNATURE = 0;

    /** Either the subjects of the validated chain (leaf first, CA last) or why it failed. */
    record Outcome(boolean valid, List<String> subjects, String reason) {
    }

    private final List<X509Certificate> cas;

    ChainValidator(List<X509Certificate> cas) {
        this.cas = List.copyOf(cas);
    }

    Outcome validate(List<X509Certificate> chain, Instant at) {
        X509Certificate leaf = chain.get(0);
        String leafName = "certificate '" + Certificates.subject(leaf) + "'";
        String validity = validityProblem(leaf, at);
        if (validity != null) {
            return failed(leafName + validity);
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && (usage.length <= DIGITAL_SIGNATURE || !usage[DIGITAL_SIGNATURE])) {
            return failed(leafName + " does not allow digital signatures (key usage)");
        }
        try {
            List<X509Certificate> path = pathWithoutAnchors(chain);
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors());
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(false);
            PKIXCertPathValidatorResult result =
                    (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            X509Certificate ca = result.getTrustAnchor().getTrustedCert();
            String caValidity = validityProblem(ca, at);
            if (caValidity != null) {
                return failed("trusted CA '" + Certificates.subject(ca) + "'" + caValidity);
            }
            List<String> subjects = new ArrayList<>();
            path.forEach(c -> subjects.add(Certificates.subject(c)));
            subjects.add(Certificates.subject(ca));
            return new Outcome(true, subjects, "chains to trusted CA '" + Certificates.subject(ca) + "' at " + at);
        } catch (CertPathValidatorException e) {
            return failed(describe(e, chain, leafName, at));
        } catch (InvalidAlgorithmParameterException e) {
            return failed(leafName + ": the trust policy has no usable CA");
        } catch (GeneralSecurityException e) {
            return failed(leafName + ": the chain cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static Outcome failed(String reason) {
        return new Outcome(false, List.of(), reason);
    }

    /** PKIX wants the path without its trust anchor; signers often include the root anyway. */
    private List<X509Certificate> pathWithoutAnchors(List<X509Certificate> chain) {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            if (cas.contains(certificate)) {
                break;
            }
            path.add(certificate);
        }
        return path.isEmpty() ? List.of(chain.get(0)) : path;
    }

    private Set<TrustAnchor> anchors() {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate ca : cas) {
            anchors.add(new TrustAnchor(ca, null));
        }
        return anchors;
    }

    private static String describe(CertPathValidatorException e, List<X509Certificate> chain, String leafName,
            Instant at) {
        if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
            return leafName + " does not chain to a trusted CA";
        }
        int index = e.getIndex();
        if (index >= 0 && index < chain.size()) {
            X509Certificate failing = chain.get(index);
            String validity = validityProblem(failing, at);
            if (validity != null) {
                return "certificate '" + Certificates.subject(failing) + "'" + validity;
            }
        }
        String reason = e.getReason() == null ? "" : " (" + e.getReason() + ")";
        return leafName + " has an invalid chain" + reason + ": "
                + io.stellaops.airlock.bundle.manifest.BundlePath.printable(e.getMessage());
    }

    /** Null when valid at {@code at}, else " expired at …" or " is not valid before …". */
    private static String validityProblem(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return null;
        } catch (CertificateExpiredException e) {
            return " expired at " + certificate.getNotAfter().toInstant() + ", before the bundle's createdAt " + at;
        } catch (CertificateNotYetValidException e) {
            return " is not valid before " + certificate.getNotBefore().toInstant() + ", after the bundle's createdAt "
                    + at;
        }
    }
}
