package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * A complete set of dev TLS material for the collector and storage endpoints: the CA, the server
 * certificate they share (the runbook's {@code stellaops-otel-tls-stage} secret) and Prometheus'
 * client certificate for the mTLS scrape. All three share one validity window.
 *
 * @param ca       the self-signed CA and its key, to keep offline or delete
 * @param server   the server certificate and key ({@code tls.crt}, {@code tls.key})
 * @param client   the client certificate and key ({@code client.crt}, {@code client.key})
 * @param validity the window of all three
 */
public record TlsMaterial(IssuedCertificate ca, IssuedCertificate server, IssuedCertificate client,
        CertificateValidity validity) {
    public TlsMaterial {
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(validity, "validity");
    }

    /** New keys and certificates, valid from the clock's now minus five minutes for {@code request.days()} days. */
    public static TlsMaterial generate(DevTlsRequest request, Clock clock, SecureRandom random) throws BundleException {
        CertificateValidity validity = CertificateValidity.fromNow(clock, request.days());
        DevCertificateAuthority authority = DevCertificateAuthority.create(request.keyType(), validity, random);
        return new TlsMaterial(authority.certificate(), authority.issueServer(request.hosts(), validity),
                authority.issueClient(request.clientCommonName(), validity), validity);
    }
}
