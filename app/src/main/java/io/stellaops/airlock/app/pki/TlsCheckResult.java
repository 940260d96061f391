package io.stellaops.airlock.app.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link TlsCheck}: the checked certificate and one {@link TlsCheckItem} per check,
 * in a fixed order. The material is acceptable when nothing failed; warnings are allowed.
 *
 * @param certificate the leaf certificate that was checked
 * @param role        what it was checked for
 * @param hosts       the hosts it was checked against (empty for a client without hosts)
 * @param items       key, chain, validity, usage, then names when hosts were checked
 */
public record TlsCheckResult(X509Certificate certificate, TlsRole role, List<String> hosts, List<TlsCheckItem> items) {
    public TlsCheckResult {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(role, "role");
        hosts = List.copyOf(hosts);
        items = List.copyOf(items);
    }

    /** Subject, issuer, serial, dates and fingerprint of the checked certificate. */
    public CertificateSummary summary() {
        return CertificateSummary.of(certificate);
    }

    /** Whether no check failed. */
    public boolean passed() {
        return failures().isEmpty();
    }

    public List<TlsCheckItem> failures() {
        return items.stream().filter(i -> i.status() == CheckStatus.FAIL).toList();
    }

    public List<TlsCheckItem> warnings() {
        return items.stream().filter(i -> i.status() == CheckStatus.WARN).toList();
    }
}
