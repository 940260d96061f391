package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.app.pki.CertificateValidity;
import io.stellaops.airlock.app.pki.DevCertificateAuthority;
import io.stellaops.airlock.app.pki.HostNames;
import io.stellaops.airlock.app.pki.IssuedCertificate;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.KeyWriter;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * TLS material for the checklist tests, issued by Airlock's own dev CA ({@link DevCertificateAuthority}):
 * a server certificate for 127.0.0.1 and localhost and a client certificate, written under the
 * names of the runbook's secret; plus client certificates that must be refused (another CA's, an
 * expired one).
 */
public final class ChecklistTls {
    static final SecureRandom RANDOM = new SecureRandom();

    private final DevCertificateAuthority ca;
    private final CertificateValidity validity;
    private final Path dir;

    private ChecklistTls(DevCertificateAuthority ca, CertificateValidity validity, Path dir) {
        this.ca = ca;
        this.validity = validity;
        this.dir = dir;
    }

    /** A new CA (valid from ten days ago for a year) with ca.crt, tls.crt/tls.key and client.crt/client.key in {@code dir}. */
    public static ChecklistTls create(Path dir) throws Exception {
        Instant now = Clock.systemUTC().instant();
        CertificateValidity validity = new CertificateValidity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(365)));
        ChecklistTls tls = new ChecklistTls(DevCertificateAuthority.create(KeyAlgorithm.ECDSA_P256, validity, RANDOM),
                validity, dir);
        Files.createDirectories(dir);
        tls.writeCertificate(tls.ca.certificate(), dir.resolve("ca.crt"));
        tls.writePair(tls.ca.issueServer(HostNames.parse(List.of("localhost", "127.0.0.1"), false), validity),
                dir.resolve("tls.crt"), dir.resolve("tls.key"));
        tls.writePair(tls.ca.issueClient("observability-prometheus", validity), dir.resolve("client.crt"),
                dir.resolve("client.key"));
        return tls;
    }

    public Path dir() {
        return dir;
    }

    public Path ca() {
        return dir.resolve("ca.crt");
    }

    public Path serverCertificate() {
        return dir.resolve("tls.crt");
    }

    public Path serverKey() {
        return dir.resolve("tls.key");
    }

    public Path clientCertificate() {
        return dir.resolve("client.crt");
    }

    public Path clientKey() {
        return dir.resolve("client.key");
    }

    /** A client certificate of this CA, valid only in {@code window}, as NAME.crt and NAME.key. */
    public Path[] client(String name, CertificateValidity window) throws Exception {
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        writePair(ca.issueClient("observability-prometheus", window), cert, key);
        return new Path[] {cert, key};
    }

    /** A client certificate that expired yesterday. */
    public Path[] expiredClient() throws Exception {
        Instant now = Instant.now();
        return client("expired-client", new CertificateValidity(validity.notBefore(), now.minus(Duration.ofDays(1))));
    }

    /** A server certificate of this CA for other hosts only, as NAME.crt and NAME.key. */
    public Path[] server(String name, String... hosts) throws Exception {
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        writePair(ca.issueServer(HostNames.parse(List.of(hosts), false), validity), cert, key);
        return new Path[] {cert, key};
    }

    private void writePair(IssuedCertificate issued, Path certificate, Path key) throws Exception {
        writeCertificate(issued, certificate);
        new KeyWriter(RANDOM).writePrivateKey(issued.key(), key, Optional.empty(), true);
    }

    private void writeCertificate(IssuedCertificate issued, Path file) throws Exception {
        AtomicFiles.write(file, PemFiles.encode("CERTIFICATE", issued.certificate().getEncoded()), false, true);
    }
}
