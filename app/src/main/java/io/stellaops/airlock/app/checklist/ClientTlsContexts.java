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
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The two TLS client contexts the checks connect with, built from PEM files: both trust only the
 * configured CA; one presents the client certificate (mTLS), the other presents none, to prove that
 * a server requires one. The key lives only inside the in-memory key store of the first context.
 */
final class ClientTlsContexts {
    private final SSLContext mutual;
    private final SSLContext anonymous;
    private final String clientSubject;

    private ClientTlsContexts(SSLContext mutual, SSLContext anonymous, String clientSubject) {
        this.mutual = mutual;
        this.anonymous = anonymous;
        this.clientSubject = clientSubject;
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
            SSLContext mutual = SSLContext.getInstance("TLS");
            mutual.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), random);
            SSLContext anonymous = SSLContext.getInstance("TLS");
            anonymous.init(null, trust.getTrustManagers(), random);
            return new ClientTlsContexts(mutual, anonymous, Certificates.subject(chain.get(0)));
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
