package io.stellaops.airlock.app.pki;

import java.nio.file.Path;
import java.util.List;

/**
 * Where TLS material lives in a folder, named after the keys of the runbook's secret
 * {@code stellaops-otel-tls-stage} ({@code ca.crt}, {@code tls.crt}, {@code tls.key}) plus the
 * client pair and the CA key.
 */
public record TlsMaterialFiles(Path directory, Path caCertificate, Path caKey, Path serverCertificate, Path serverKey,
        Path clientCertificate, Path clientKey) {
    public static final String CA_CERTIFICATE = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String SERVER_CERTIFICATE = "tls.crt";
    public static final String SERVER_KEY = "tls.key";
    public static final String CLIENT_CERTIFICATE = "client.crt";
    public static final String CLIENT_KEY = "client.key";

    public static TlsMaterialFiles in(Path directory) {
        return new TlsMaterialFiles(directory, directory.resolve(CA_CERTIFICATE), directory.resolve(CA_KEY),
                directory.resolve(SERVER_CERTIFICATE), directory.resolve(SERVER_KEY),
                directory.resolve(CLIENT_CERTIFICATE), directory.resolve(CLIENT_KEY));
    }

    /** Every file, certificates before keys. */
    public List<Path> all() {
        return List.of(caCertificate, serverCertificate, clientCertificate, serverKey, clientKey, caKey);
    }

    /** The private key files, which are owner-only. */
    public List<Path> privateKeys() {
        return List.of(serverKey, clientKey, caKey);
    }
}
