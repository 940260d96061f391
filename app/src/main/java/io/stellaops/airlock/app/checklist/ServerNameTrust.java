package io.stellaops.airlock.app.checklist;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server as the configured CA does, and then requires its certificate to name
 * {@code serverName} rather than the host connected to: through a port-forward the client connects
 * to 127.0.0.1, yet the certificate names the service ({@code loki.observability.svc}), as
 * Prometheus' {@code tls_config.server_name} does. DNS names of the subject alternative names only,
 * with a wildcard standing for exactly one leftmost label (RFC 6125).
 */
final class ServerNameTrust extends X509ExtendedTrustManager {
    private static final int DNS_NAME = 2;

    private final X509ExtendedTrustManager delegate;
    private final String serverName;

    ServerNameTrust(X509ExtendedTrustManager delegate, String serverName) {
        this.delegate = delegate;
        this.serverName = serverName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        requireName(chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
        requireName(chain[0]);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        requireName(chain[0]);
    }

    private void requireName(X509Certificate certificate) throws CertificateException {
        if (!names(certificate, serverName)) {
            // The JDK's wording, so that the failure reads as any other hostname mismatch.
            throw new CertificateException("No subject alternative DNS name matching " + serverName + " found.");
        }
    }

    static boolean names(X509Certificate certificate, String host) throws CertificateParsingException {
        if (certificate.getSubjectAlternativeNames() == null) {
            return false;
        }
        for (List<?> name : certificate.getSubjectAlternativeNames()) {
            if (((Integer) name.get(0)) == DNS_NAME && matches(String.valueOf(name.get(1)).toLowerCase(Locale.ROOT), host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a checklist client does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a checklist client does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a checklist client does not accept clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
