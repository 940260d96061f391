package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.Certificates;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of one certificate that need no other input than the clock and the request: validity
 * window, key usage and extended key usage for the role, and the hosts its names cover.
 */
final class CertificateChecks {
    private static final String ANY_PURPOSE = "2.5.29.37.0";
    private static final Map<String, String> PURPOSES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth", "1.3.6.1.5.5.7.3.2", "clientAuth", "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection", "1.3.6.1.5.5.7.3.8", "timeStamping", "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            ANY_PURPOSE, "anyExtendedKeyUsage");
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;

    private CertificateChecks() {
    }

    /**
     * Every certificate of the path (leaf, intermediates, then the CA) must be valid at {@code now};
     * one that expires within {@code warnDays} is a warning.
     *
     * @param labels how to name each certificate of {@code path} in messages
     */
    static TlsCheckItem validity(List<X509Certificate> path, List<String> labels, Instant now, int warnDays) {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Instant notBefore = path.get(i).getNotBefore().toInstant();
            Instant notAfter = path.get(i).getNotAfter().toInstant();
            if (now.isAfter(notAfter)) {
                failures.add(labels.get(i) + " expired on " + notAfter + " (" + days(notAfter, now) + " days ago)");
            } else if (now.isBefore(notBefore)) {
                failures.add(labels.get(i) + " is not valid before " + notBefore + " (check this machine's clock"
                        + " and the issuer's)");
            } else if (notAfter.isBefore(now.plus(Duration.ofDays(warnDays)))) {
                warnings.add(labels.get(i) + " expires on " + notAfter + ", in " + days(now, notAfter)
                        + " days (fewer than " + warnDays + "): rotate it");
            }
        }
        if (!failures.isEmpty()) {
            return TlsCheckItem.fail("validity", String.join("; ", failures));
        }
        if (!warnings.isEmpty()) {
            return TlsCheckItem.warn("validity", String.join("; ", warnings));
        }
        Instant leafEnd = path.get(0).getNotAfter().toInstant();
        return TlsCheckItem.pass("validity", labels.get(0) + " valid until " + leafEnd + " (" + days(now, leafEnd)
                + " days left)" + (path.size() > 1 ? ", its issuers too" : ""));
    }

    /** Extended key usage for the role, key usage for TLS with this key type, and no CA flag on the leaf. */
    static TlsCheckItem usage(X509Certificate leaf, TlsRole role, String source) {
        List<String> eku;
        try {
            eku = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return TlsCheckItem.fail("usage", source + ": the extended key usage cannot be read");
        }
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        if (eku == null) {
            warnings.add("no extended key usage, so any purpose; OpenSSL and Go accept that, stricter clients may not");
        } else if (eku.contains(role.purposeOid()) || eku.contains(ANY_PURPOSE)) {
            fine.add("extended key usage " + purposes(eku));
        } else {
            failures.add(source + " is not a " + role.id() + " certificate: its extended key usage is " + purposes(eku)
                    + ", without " + role.purpose() + (eku.contains(role.other().purposeOid())
                            ? " (a " + role.other().id() + " certificate used as a " + role.id() + ")" : ""));
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null) {
            boolean signs = keyUsage[DIGITAL_SIGNATURE];
            boolean encrypts = keyUsage.length > KEY_ENCIPHERMENT && keyUsage[KEY_ENCIPHERMENT];
            boolean rsaServer = leaf.getPublicKey() instanceof RSAKey && role == TlsRole.SERVER;
            if (signs) {
                fine.add("key usage digitalSignature");
            } else if (rsaServer && encrypts) {
                warnings.add("key usage lacks digitalSignature: TLS 1.3 and ECDHE need it, only RSA key exchange works");
            } else {
                failures.add("its key usage lacks digitalSignature, which TLS needs");
            }
        }
        if (Certificates.isCa(leaf)) {
            warnings.add("it is a CA certificate (CA:TRUE); a " + role.id() + " certificate should not be");
        }
        if (!failures.isEmpty()) {
            return TlsCheckItem.fail("usage", String.join("; ", failures));
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(fine);
        String detail = role.id() + " certificate: " + String.join("; ", all);
        return warnings.isEmpty() ? TlsCheckItem.pass("usage", detail) : TlsCheckItem.warn("usage", detail);
    }

    /** Every host must be covered by a DNS or IP subject alternative name, by RFC 6125's rules. */
    static TlsCheckItem names(X509Certificate leaf, HostNames hosts, String source) throws BundleException {
        SubjectAltNames names = SubjectAltNames.of(leaf, source);
        List<String> missing = names.uncovered(hosts);
        if (missing.isEmpty()) {
            return TlsCheckItem.pass("names", "covers all " + hosts.size() + " host(s): " + list(hosts.all(), 6));
        }
        String detail = source + " does not cover " + list(missing, 6) + "; "
                + (names.isEmpty() ? "it has no subject alternative names" : "its names are " + names.describe(12));
        Optional<String> commonName = Certificates.commonName(leaf);
        if (commonName.isPresent() && missing.stream().anyMatch(h -> HostNames.matches(commonName.get(), h))) {
            detail += " (a host is only in the subject's CN, which TLS clients ignore)";
        }
        return TlsCheckItem.fail("names", detail);
    }

    static String list(List<String> items, int limit) {
        if (items.size() <= limit) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, limit)) + " and " + (items.size() - limit) + " more";
    }

    private static String purposes(List<String> oids) {
        return String.join(", ", oids.stream().map(o -> PURPOSES.getOrDefault(o, o)).toList());
    }

    private static long days(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }
}
