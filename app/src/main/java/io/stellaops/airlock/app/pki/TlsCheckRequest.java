package io.stellaops.airlock.app.pki;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to check: a certificate (leaf first, intermediates may follow), its private key, the CA
 * file whose certificates are the trust anchors, the role, the hosts the certificate must cover,
 * and how many days before expiry a warning starts.
 *
 * @param hosts    for a server, empty means the runbook's service names ({@link HostNames#serviceNames});
 *                 for a client, empty means no host check
 * @param warnDays warn when the certificate expires within this many days; 0 to {@link #MAX_WARN_DAYS}
 */
public record TlsCheckRequest(Path caFile, Path certificateFile, Path keyFile, TlsRole role, Optional<HostNames> hosts,
        int warnDays) {
    public static final int DEFAULT_WARN_DAYS = 30;
    public static final int MAX_WARN_DAYS = 3650;

    public TlsCheckRequest {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(certificateFile, "certificateFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(hosts, "hosts");
        if (warnDays < 0 || warnDays > MAX_WARN_DAYS) {
            throw new IllegalArgumentException("warnDays must be 0 to " + MAX_WARN_DAYS);
        }
    }

    /** A server check of the runbook's defaults: the four service names, 30 days' warning. */
    public static TlsCheckRequest server(Path caFile, Path certificateFile, Path keyFile) {
        return new TlsCheckRequest(caFile, certificateFile, keyFile, TlsRole.SERVER, Optional.empty(), DEFAULT_WARN_DAYS);
    }

    public TlsCheckRequest withRole(TlsRole newRole) {
        return new TlsCheckRequest(caFile, certificateFile, keyFile, newRole, hosts, warnDays);
    }

    public TlsCheckRequest withHosts(HostNames newHosts) {
        return new TlsCheckRequest(caFile, certificateFile, keyFile, role, Optional.of(newHosts), warnDays);
    }

    public TlsCheckRequest withWarnDays(int days) {
        return new TlsCheckRequest(caFile, certificateFile, keyFile, role, hosts, days);
    }
}
