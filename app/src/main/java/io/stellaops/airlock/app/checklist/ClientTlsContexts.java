package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.app.checklist.ChecklistConfig.ClientTls;
import io.stellaops.airlock.app.pki.TlsKeys;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The two TLS client contexts the checks connect with, built from PEM files: both trust only the
 * configured CA; one presents the client certificate (mTLS), the other presents none, to prove that
 * a server requires one. The key lives only inside the in-memory key store of the first context.
 */
final class ClientTlsContexts {
    private final SSLContext mutual;
    private final SSLContext anonymous;
    private final String clientSubject;
    private final KeyManager[] keyManagers;
    private final X509ExtendedTrustManager trust;

    private ClientTlsContexts(KeyManager[] keyManagers, X509ExtendedTrustManager trust, String clientSubject)
            throws GeneralSecurityException {
        this.keyManagers = keyManagers;
        this.trust = trust;
        this.mutual = context(keyManagers, trust);
        this.anonymous = context(null, trust);
        this.clientSubject = clientSubject;
    }

    private static SSLContext context(KeyManager[] keys, TrustManager trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, new TrustManager[] {trust}, new SecureRandom());
        return context;
    }

    /**
     * The same two contexts, but the server's certificate must name {@code serverName} instead of the
     * host connected to (through a port-forward); the caller turns the JDK's hostname check off.
     */
    ClientTlsContexts forServerName(String serverName) {
        try {
            return new ClientTlsContexts(keyManagers, new ServerNameTrust(trust, serverName), clientSubject);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a TLS context that was built once cannot be built again", e);
        }
    }

    /**
     * @throws BundleException {@link Failure#UNREADABLE} for a missing file, {@link Failure#REFUSED}
     *                         for a file without a certificate or a usable unencrypted key
     */
    static ClientTlsContexts load(ClientTls tls) throws BundleException {
        List<X509Certificate> cas = Certificates.fromPem(PemFiles.read(tls.ca()), tls.ca().toString());
        if (cas.isEmpty()) {
            throw new BundleException(Failure.REFUSED, tls.ca() + " holds no CERTIFICATE block");
        }
        List<X509Certificate> chain = Certificates.readChain(tls.certificate());
        PrivateKey key = TlsKeys.read(tls.key());
        char[] password = new char[16];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trustStore(cas));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            X509ExtendedTrustManager x509 = Arrays.stream(trust.getTrustManagers())
                    .filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast)
                    .findFirst().orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
            return new ClientTlsContexts(keyManagers.getKeyManagers(), x509, Certificates.subject(chain.get(0)));
        } catch (GeneralSecurityException | IOException e) {
            throw new BundleException(Failure.REFUSED, "cannot use " + tls.certificate() + " and " + tls.key()
                    + " as a TLS client identity: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static KeyStore trustStore(List<X509Certificate> cas) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        return store;
    }

    /** Presents the client certificate. */
    SSLContext mutual() {
        return mutual;
    }

    /** Presents no client certificate. */
    SSLContext anonymous() {
        return anonymous;
    }

    /** The client certificate's subject, for evidence. */
    String clientSubject() {
        return clientSubject;
    }
}
