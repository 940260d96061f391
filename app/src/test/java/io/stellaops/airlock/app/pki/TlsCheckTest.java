package io.stellaops.airlock.app.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kind of bad TLS material refused with a message that says what is wrong, and good material passed. */
class TlsCheckTest {
    @TempDir
    Path dir;

    private final TlsCheck check = new TlsCheck(Clock.systemUTC(), TlsFixtures.RANDOM);

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void freshDevMaterialPassesAsServerAndAsClient(KeyAlgorithm keyType) throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir, keyType);

        TlsCheckResult server = check.check(TlsCheckRequest.server(files.caCertificate(), files.serverCertificate(), files.serverKey()));
        assertThat(server.items()).extracting(TlsCheckItem::id).containsExactly("key", "chain", "validity", "usage", "names");
        assertThat(server.items()).allSatisfy(item -> assertThat(item.status()).as(item.detail()).isEqualTo(CheckStatus.PASS));
        assertThat(server.passed()).isTrue();
        assertThat(server.hosts()).containsExactly("stellaops-otel-collector.observability.svc", "prometheus.observability.svc",
                "tempo.observability.svc", "loki.observability.svc");
        assertThat(server.items().get(1).detail()).contains("chains to 'CN=Airlock dev CA ");

        TlsCheckResult client = check.check(TlsCheckRequest.server(files.caCertificate(), files.clientCertificate(),
                files.clientKey()).withRole(TlsRole.CLIENT));
        assertThat(client.items()).extracting(TlsCheckItem::id).containsExactly("key", "chain", "validity", "usage");
        assertThat(client.passed()).isTrue();
    }

    @Test
    void expiredCertificateIsRefusedOnceAsExpired() throws Exception {
        Clock longAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(400)), ZoneOffset.UTC);
        TlsMaterialFiles files = TlsFixtures.write(dir, request(30), longAgo);

        TlsCheckResult result = check.check(server(files));
        assertThat(result.passed()).isFalse();
        assertThat(item(result, "validity").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(item(result, "validity").detail()).contains(files.serverCertificate() + " expired on ").contains("days ago");
        assertThat(item(result, "chain").status()).as("time is judged once, by the validity check").isEqualTo(CheckStatus.PASS);
        assertThat(result.failures()).extracting(TlsCheckItem::id).containsExactly("validity");
    }

    @Test
    void notYetValidCertificateIsRefused() throws Exception {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        TlsMaterialFiles files = TlsFixtures.write(dir, request(30), later);
        assertThat(item(check.check(server(files)), "validity").detail()).contains("is not valid before");
    }

    @Test
    void certificateExpiringSoonIsAWarningNotARefusal() throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir, request(10), Clock.systemUTC());
        TlsCheckResult result = check.check(server(files));
        assertThat(result.passed()).isTrue();
        assertThat(item(result, "validity").status()).isEqualTo(CheckStatus.WARN);
        assertThat(item(result, "validity").detail()).contains("expires on", "fewer than 30", "rotate it");
        assertThat(check.check(server(files).withWarnDays(5)).warnings()).isEmpty();
    }

    @Test
    void certificateOfAnotherCaIsRefused() throws Exception {
        TlsMaterialFiles ours = TlsFixtures.write(dir.resolve("ours"));
        TlsMaterialFiles theirs = TlsFixtures.write(dir.resolve("theirs"));

        TlsCheckResult result = check.check(TlsCheckRequest.server(ours.caCertificate(), theirs.serverCertificate(),
                theirs.serverKey()));
        TlsCheckItem chain = item(result, "chain");
        assertThat(chain.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(chain.detail()).contains(theirs.serverCertificate() + " was not issued by a CA in " + ours.caCertificate())
                .contains("names the issuer 'CN=Airlock dev CA ").contains("holds 'CN=Airlock dev CA ");
        assertThat(result.failures()).extracting(TlsCheckItem::id).containsExactly("chain");
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir);
        TlsCheckResult result = check.check(TlsCheckRequest.server(files.caCertificate(), files.serverCertificate(),
                files.clientKey()));
        assertThat(item(result, "key").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(item(result, "key").detail()).isEqualTo(files.clientKey() + " does not belong to " + files.serverCertificate()
                + " (ECDSA P-256): it is a different key (a signature made with it does not verify with the certificate's key)");

        Path rsa = dir.resolve("rsa");
        TlsMaterialFiles other = TlsFixtures.write(rsa, KeyAlgorithm.RSA_3072);
        assertThat(item(check.check(TlsCheckRequest.server(files.caCertificate(), files.serverCertificate(), other.serverKey())),
                "key").detail()).endsWith("it is a key of another type");
    }

    @Test
    void missingHostIsRefusedAndNamed() throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir, DevTlsRequest.of(KeyAlgorithm.ECDSA_P256,
                HostNames.parse(List.of("prometheus.observability.svc", "10.0.0.7"), false), 30, "observability-prometheus"),
                Clock.systemUTC());

        TlsCheckResult result = check.check(server(files));
        TlsCheckItem names = item(result, "names");
        assertThat(names.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(names.detail()).isEqualTo(files.serverCertificate() + " does not cover stellaops-otel-collector.observability.svc,"
                + " tempo.observability.svc, loki.observability.svc; its names are DNS:prometheus.observability.svc, IP:10.0.0.7");

        assertThat(check.check(server(files).withHosts(HostNames.parse(List.of("PROMETHEUS.observability.svc.", "10.0.0.7"),
                false))).passed()).isTrue();
        assertThat(item(check.check(server(files).withHosts(HostNames.parse(List.of("10.0.0.8"), false))), "names").detail())
                .contains("does not cover 10.0.0.8");
    }

    @Test
    void wildcardCoversOneLabelOnly() throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir, DevTlsRequest.of(KeyAlgorithm.ECDSA_P256,
                HostNames.parse(List.of("*.observability.svc"), true), 30, "observability-prometheus"), Clock.systemUTC());
        assertThat(check.check(server(files)).passed()).isTrue();
        TlsCheckItem names = item(check.check(server(files).withHosts(HostNames.parse(
                List.of("loki.observability.svc", "observability.svc", "a.loki.observability.svc"), false))), "names");
        assertThat(names.detail()).contains("does not cover observability.svc, a.loki.observability.svc;");
    }

    @Test
    void clientCertificateUsedAsServerIsRefusedForItsUsage() throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir);
        TlsCheckResult result = check.check(TlsCheckRequest.server(files.caCertificate(), files.clientCertificate(),
                files.clientKey()).withHosts(HostNames.parse(List.of("localhost"), false)));
        TlsCheckItem usage = item(result, "usage");
        assertThat(usage.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(usage.detail()).isEqualTo(files.clientCertificate() + " is not a server certificate: its extended key usage"
                + " is clientAuth, without serverAuth (a client certificate used as a server)");

        TlsCheckItem reverse = item(check.check(server(files).withRole(TlsRole.CLIENT)), "usage");
        assertThat(reverse.detail()).contains("is not a client certificate", "(a server certificate used as a client)");
    }

    @Test
    void caCertificateGivenAsTheServerCertificateIsRefused() throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir);
        TlsCheckResult result = check.check(TlsCheckRequest.server(files.caCertificate(), files.caCertificate(), files.caKey()));
        assertThat(item(result, "chain").detail()).contains("is a certificate of " + files.caCertificate() + " itself");
        assertThat(item(result, "usage").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void missingFilesAreUnreadableAndBadKeysRefusedWithoutTheirBytes() throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir);
        BundleException missing = catchThrowableOfType(BundleException.class, () -> check.check(TlsCheckRequest.server(
                files.caCertificate(), files.serverCertificate(), dir.resolve("nope.key"))));
        assertThat(missing.failure()).isEqualTo(Failure.UNREADABLE);
        assertThat(missing.getMessage()).contains("nope.key");

        String keyPem = Files.readString(files.serverKey());
        String base64 = keyPem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        Path damaged = dir.resolve("damaged.key");
        Files.writeString(damaged, keyPem.replace(base64, "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg" + base64.substring(48)));
        BundleException bad = catchThrowableOfType(BundleException.class, () -> check.check(TlsCheckRequest.server(
                files.caCertificate(), files.serverCertificate(), damaged)));
        assertThat(bad.failure()).isEqualTo(Failure.REFUSED);
        assertThat(bad.getMessage()).contains("damaged.key").doesNotContain(base64.substring(0, 16))
                .doesNotContain(base64.substring(48, 64));

        BundleException certAsKey = catchThrowableOfType(BundleException.class, () -> check.check(TlsCheckRequest.server(
                files.caCertificate(), files.serverCertificate(), files.serverCertificate())));
        assertThat(certAsKey.getMessage()).contains("holds 0 private key blocks");
    }

    @Test
    void encryptedKeyIsRefusedWithTheFix() throws Exception {
        TlsMaterialFiles files = TlsFixtures.write(dir);
        Files.writeString(dir.resolve("pass"), "secret-pass\n");
        Openssl.run(dir, "pkcs8", "-topk8", "-in", "tls.key", "-out", "enc.key", "-passout", "file:pass");
        BundleException e = catchThrowableOfType(BundleException.class, () -> check.check(TlsCheckRequest.server(
                files.caCertificate(), files.serverCertificate(), dir.resolve("enc.key"))));
        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("enc.key is encrypted", "openssl pkey");
    }

    @Test
    void materialFromAnotherPkiWithIntermediateRsa2048AndTraditionalKeysPasses() throws Exception {
        OpensslPki.create(dir);
        TlsCheckRequest request = new TlsCheckRequest(dir.resolve("root.crt"), dir.resolve("chain.crt"), dir.resolve("server.key"),
                TlsRole.SERVER, Optional.of(HostNames.parse(List.of("collector.example.org", "10.1.2.3"), false)), 30);
        assertThat(Files.readString(dir.resolve("server.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        TlsCheckResult result = check.check(request);
        assertThat(result.items()).allSatisfy(item -> assertThat(item.status()).as(item.detail()).isEqualTo(CheckStatus.PASS));
        assertThat(item(result, "key").detail()).contains("(RSA-2048)");
        assertThat(item(result, "chain").detail()).contains("chains to 'CN=Example Root' in", "through 1 intermediate(s)");

        TlsCheckResult client = check.check(new TlsCheckRequest(dir.resolve("root.crt"), dir.resolve("client-chain.crt"),
                dir.resolve("client.key"), TlsRole.CLIENT, Optional.empty(), 30));
        assertThat(Files.readString(dir.resolve("client.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(client.passed()).as(client.items().toString()).isTrue();
        assertThat(item(client, "key").detail()).contains("(ECDSA P-384)");

        TlsCheckItem withoutIntermediate = item(check.check(new TlsCheckRequest(dir.resolve("root.crt"), dir.resolve("server.crt"),
                dir.resolve("server.key"), TlsRole.SERVER, request.hosts(), 30)), "chain");
        assertThat(withoutIntermediate.detail()).contains("was not issued by a CA in", "names the issuer 'CN=Example Intermediate'");

        Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "impostor.key",
                "-out", "impostor.crt", "-subj", "/CN=Example Root", "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE");
        TlsCheckItem impostor = item(check.check(new TlsCheckRequest(dir.resolve("impostor.crt"), dir.resolve("chain.crt"),
                dir.resolve("server.key"), TlsRole.SERVER, request.hosts(), 30)), "chain");
        assertThat(impostor.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(impostor.detail()).isEqualTo(dir.resolve("chain.crt") + " was not issued by a CA in " + dir.resolve("impostor.crt")
                + ": its chain names the issuer 'CN=Example Root', and " + dir.resolve("impostor.crt") + " holds a CA of that"
                + " name but with another key: a different CA of the same name (re-created, or an impostor) issued it");
    }

    private static DevTlsRequest request(int days) throws BundleException {
        DevTlsRequest defaults = DevTlsRequest.defaults();
        return DevTlsRequest.of(KeyAlgorithm.ECDSA_P256, defaults.hosts(), days, defaults.clientCommonName());
    }

    private static TlsCheckRequest server(TlsMaterialFiles files) {
        return TlsCheckRequest.server(files.caCertificate(), files.serverCertificate(), files.serverKey());
    }

    private static TlsCheckItem item(TlsCheckResult result, String id) {
        return result.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
