package io.stellaops.airlock.app.ui.bootstrap;

import io.stellaops.airlock.app.cluster.AuthorityClients;
import io.stellaops.airlock.app.cluster.AuthorityToken;
import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.TokenClaims;
import io.stellaops.airlock.app.pki.DevTlsRequest;
import io.stellaops.airlock.app.pki.HostNames;
import io.stellaops.airlock.app.pki.TlsCheck;
import io.stellaops.airlock.app.pki.TlsCheckRequest;
import io.stellaops.airlock.app.pki.TlsCheckResult;
import io.stellaops.airlock.app.pki.TlsMaterial;
import io.stellaops.airlock.app.pki.TlsMaterialFiles;
import io.stellaops.airlock.app.pki.TlsMaterialWriter;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What the bootstrap flow asks of the app's services, as {@code airlock pki dev-tls}, {@code pki check}
 * and {@code cluster plan} do it: dev TLS material generated and written (keys owner-only, by the
 * writer), material checked as a server's, an Authority token read and its claims checked.
 */
public final class BootstrapService {

    private final Clock clock;
    private final SecureRandom random;

    public BootstrapService(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Generates dev material for {@code namespace} into {@code folder}, then checks the server's part of it. */
    public TlsCheckResult generate(Path folder, String namespace, int days, KeyAlgorithm keyType, boolean replace)
            throws BundleException {
        DevTlsRequest request = DevTlsRequest.of(keyType, HostNames.devTlsDefaults(namespace), days,
                DevTlsRequest.DEFAULT_CLIENT);
        TlsMaterialFiles files = new TlsMaterialWriter(random).write(TlsMaterial.generate(request, clock, random),
                folder, replace);
        return check(files.caCertificate(), files.serverCertificate(), files.serverKey());
    }

    /** Checks a server certificate and key against a CA, as {@code airlock pki check} does. */
    public TlsCheckResult check(Path ca, Path certificate, Path key) throws BundleException {
        return new TlsCheck(clock, random).check(TlsCheckRequest.server(ca, certificate, key));
    }

    /** The claims of the token in {@code file}, checked for the runbook's audience and Prometheus scope; the token itself is wiped. */
    public TokenClaims readToken(Path file) throws ClusterException {
        AuthorityToken token = AuthorityToken.read(file, AuthorityToken.AUDIENCE, AuthorityToken.PROMETHEUS_SCOPE, clock);
        try {
            return token.claims();
        } finally {
            token.destroy();
        }
    }

    /** The {@code stella authority} commands that create the runbook's three clients and issue their tokens. */
    public String authorityCommands() {
        return String.join("\n", AuthorityClients.commands());
    }
}
