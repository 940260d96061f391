package io.stellaops.airlock.app.pki;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dev TLS material as openssl judges it: chains, extensions, and a real mTLS handshake. */
class DevTlsOpensslTest {
    private static final byte[] GET = "GET / HTTP/1.0\r\n\r\n".getBytes(UTF_8);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void opensslVerifiesServerAndClientAgainstTheCa(KeyAlgorithm keyType) throws Exception {
        TlsFixtures.write(dir, keyType);

        assertThat(Openssl.run(dir, "verify", "-CAfile", "ca.crt", "tls.crt", "client.crt"))
                .contains("tls.crt: OK", "client.crt: OK");
        assertThat(Openssl.run(dir, "verify", "-CAfile", "ca.crt", "-purpose", "sslserver", "tls.crt")).contains("tls.crt: OK");
        assertThat(Openssl.run(dir, "verify", "-CAfile", "ca.crt", "-purpose", "sslclient", "client.crt")).contains("client.crt: OK");
        assertThat(Openssl.attempt(dir, new byte[0], "verify", "-CAfile", "ca.crt", "-purpose", "sslserver", "client.crt")
                .exitCode()).isNotZero();
        for (String key : List.of("tls.key", "client.key", "ca.key")) {
            assertThat(Files.readString(dir.resolve(key))).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key)))).isEqualTo("rw-------");
            Openssl.run(dir, "pkey", "-in", key, "-noout");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls.crt")))).isEqualTo("rw-r--r--");
    }

    @Test
    void extensionsAreWhatWeClaim() throws Exception {
        TlsFixtures.write(dir);

        String ca = ext("ca.crt");
        assertThat(ca).containsPattern("Basic Constraints: critical\\s+CA:TRUE, pathlen:0")
                .containsPattern("Key Usage: critical\\s+Certificate Sign, CRL Sign\\s");
        assertThat(Openssl.run(dir, "x509", "-in", "ca.crt", "-noout", "-ext", "subjectKeyIdentifier,authorityKeyIdentifier"))
                .contains("Subject Key Identifier", "Authority Key Identifier");

        String server = ext("tls.crt");
        assertThat(server).containsPattern("Basic Constraints: critical\\s+CA:FALSE")
                .containsPattern("Key Usage: critical\\s+Digital Signature\\s")
                .containsPattern("Extended Key Usage:\\s+TLS Web Server Authentication\\s")
                .contains("DNS:stellaops-otel-collector.observability.svc", "DNS:prometheus.observability.svc",
                        "DNS:tempo.observability.svc", "DNS:loki.observability.svc", "DNS:loki",
                        "DNS:prometheus.observability.svc.cluster.local", "DNS:localhost", "IP Address:127.0.0.1");

        String client = ext("client.crt");
        assertThat(client).containsPattern("Basic Constraints: critical\\s+CA:FALSE")
                .containsPattern("Extended Key Usage:\\s+TLS Web Client Authentication\\s")
                .doesNotContain("Server Authentication", "DNS:");
        assertThat(Openssl.run(dir, "x509", "-in", "client.crt", "-noout", "-subject")).contains("CN = observability-prometheus");
        assertThat(Openssl.run(dir, "x509", "-in", "tls.crt", "-noout", "-ext", "authorityKeyIdentifier"))
                .contains(Openssl.run(dir, "x509", "-in", "ca.crt", "-noout", "-ext", "subjectKeyIdentifier").lines()
                        .skip(1).findFirst().orElseThrow().strip());
    }

    @Test
    void rsaServerKeysMayAlsoEncipher() throws Exception {
        TlsFixtures.write(dir, KeyAlgorithm.RSA_3072);
        assertThat(ext("tls.crt")).containsPattern("Key Usage: critical\\s+Digital Signature, Key Encipherment\\s");
        assertThat(ext("client.crt")).containsPattern("Key Usage: critical\\s+Digital Signature\\s");
        assertThat(Openssl.run(dir, "x509", "-in", "tls.crt", "-noout", "-text")).contains("Public-Key: (3072 bit)");
    }

    @Test
    void serialsAreRandomPositiveAndTheWindowStartsFiveMinutesAgo() throws Exception {
        Instant now = Instant.parse("2026-11-01T10:00:00.750Z");
        DevTlsRequest defaults = DevTlsRequest.defaults();
        TlsMaterial material = TlsMaterial.generate(new DevTlsRequest(KeyAlgorithm.ECDSA_P256, defaults.hosts(), 30,
                "observability-prometheus"), Clock.fixed(now, ZoneOffset.UTC), TlsFixtures.RANDOM);
        for (IssuedCertificate issued : List.of(material.ca(), material.server(), material.client())) {
            X509Certificate certificate = issued.certificate();
            assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-11-01T09:55:00Z"));
            assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
            BigInteger serial = certificate.getSerialNumber();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
        }
        assertThat(material.server().certificate().getSerialNumber()).isNotEqualTo(material.client().certificate().getSerialNumber());
        assertThat(material.toString()).doesNotContain("PRIVATE");
        assertThat(Duration.between(material.validity().notBefore(), now)).isEqualTo(Duration.ofMinutes(5).plusMillis(750));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void mutualTlsHandshakeSucceedsWithTheClientCertificateAndFailsWithout(KeyAlgorithm keyType) throws Exception {
        TlsFixtures.write(dir, keyType);
        try (OpensslServer server = OpensslServer.start(dir, "tls.crt", "tls.key", "ca.crt")) {
            Openssl withCert = client(server.port(), "-cert", "client.crt", "-key", "client.key");
            assertThat(withCert.exitCode()).as(withCert.output()).isZero();
            assertThat(withCert.output()).contains("Verify return code: 0 (ok)", "HTTP/1.0 200 ok");

            Openssl without = client(server.port());
            assertThat(without.exitCode()).as(without.output()).isNotZero();
            assertThat(without.output()).doesNotContain("HTTP/1.0 200 ok").contains("certificate required");

            Openssl wrongName = client(server.port(), "-cert", "client.crt", "-key", "client.key", "-verify_hostname",
                    "grafana.observability.svc");
            assertThat(wrongName.exitCode()).isNotZero();
            assertThat(wrongName.output()).doesNotContain("HTTP/1.0 200 ok");
        }
    }

    private Openssl client(int port, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + port, "-CAfile", "ca.crt",
                "-verify_return_error", "-servername", "prometheus.observability.svc", "-ign_eof"));
        args.addAll(List.of(more));
        if (!args.contains("-verify_hostname")) {
            args.addAll(List.of("-verify_hostname", "prometheus.observability.svc"));
        }
        return Openssl.attempt(dir, GET, args.toArray(String[]::new));
    }

    private String ext(String file) {
        return Openssl.run(dir, "x509", "-in", file, "-noout", "-ext", "subjectAltName,extendedKeyUsage,keyUsage,basicConstraints");
    }
}
