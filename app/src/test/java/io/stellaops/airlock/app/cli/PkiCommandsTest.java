package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.app.pki.DevTlsRequest;
import io.stellaops.airlock.app.pki.TlsMaterial;
import io.stellaops.airlock.app.pki.TlsMaterialWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock pki dev-tls} and {@code airlock pki check} as a field engineer runs them: output and exit codes. */
class PkiCommandsTest {
    @TempDir
    Path dir;

    @Test
    void devTlsWritesTheSixFilesThenRefusesToOverwriteUnlessForced() throws Exception {
        Path out = dir.resolve("tls");
        CliRunner.Result first = CliRunner.run("pki", "dev-tls", "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Wrote dev TLS material to " + out + " (ecdsa-p256)", "ca.key",
                "keep it offline or delete it", "prometheus.observability.svc", "kubectl -n observability create secret generic"
                        + " stellaops-otel-tls-stage");
        for (String key : new String[] {"tls.key", "client.key", "ca.key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(key)))).isEqualTo("rw-------");
        }
        byte[] key = Files.readAllBytes(out.resolve("tls.key"));

        CliRunner.Result again = CliRunner.run("pki", "dev-tls", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(again.err()).contains("already exist; give --force to replace");
        assertThat(Files.readAllBytes(out.resolve("tls.key"))).isEqualTo(key);

        assertThat(CliRunner.run("pki", "dev-tls", "--out", out.toString(), "--force").exitCode()).isZero();
        assertThat(Files.readAllBytes(out.resolve("tls.key"))).isNotEqualTo(key);
    }

    @Test
    void devTlsJsonNamesFilesAndHostsButNoKeyMaterial() throws Exception {
        CliRunner.Result result = CliRunner.run("pki", "dev-tls", "--out", dir.toString(), "--key-type", "ed25519",
                "--hosts", "collector.example.org,10.0.0.5,*.observability.svc", "--days", "30", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("keyType").asText()).isEqualTo("ed25519");
        assertThat(json.get("hosts")).extracting(JsonNode::asText)
                .containsExactly("collector.example.org", "*.observability.svc", "10.0.0.5");
        assertThat(json.at("/server/certificateFile").asText()).isEqualTo(dir.resolve("tls.crt").toString());
        assertThat(json.at("/client/subject").asText()).startsWith("CN=observability-prometheus");
        assertThat(Duration.between(Instant.parse(json.get("notBefore").asText()), Instant.parse(json.get("notAfter").asText())))
                .isEqualTo(Duration.ofDays(30).plusMinutes(5));
        assertThat(result.out()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void devTlsUsageErrors() {
        assertThat(CliRunner.run("pki", "dev-tls", "--out", dir.toString(), "--key-type", "dsa").exitCode()).isEqualTo(4);
        assertThat(CliRunner.run("pki", "dev-tls", "--out", dir.toString(), "--days", "0").exitCode()).isEqualTo(4);
        assertThat(CliRunner.run("pki", "dev-tls", "--out", dir.toString(), "--days", "3651").exitCode()).isEqualTo(4);
        CliRunner.Result badHost = CliRunner.run("pki", "dev-tls", "--out", dir.toString(), "--hosts", "loki,bad_host");
        assertThat(badHost.exitCode()).isEqualTo(4);
        assertThat(badHost.err()).contains("host 'bad_host' is invalid");
        assertThat(CliRunner.run("pki", "dev-tls").exitCode()).isEqualTo(4);
        assertThat(CliRunner.run("pki").exitCode()).isEqualTo(4);
        assertThat(CliRunner.run("pki", "dev-tls", "--help").out()).contains("--key-type", "ca.key");
    }

    @Test
    void checkPassesGoodMaterialAndRefusesAClientCertificateAsServerWithExit11() throws Exception {
        assertThat(CliRunner.run("pki", "dev-tls", "--out", dir.toString()).exitCode()).isZero();

        CliRunner.Result server = check("--cert", "tls.crt", "--key", "tls.key");
        assertThat(server.exitCode()).as(server.out() + server.err()).isZero();
        assertThat(server.out()).contains("[pass] key ", "[pass] chain ", "[pass] validity ", "[pass] usage ", "[pass] names ",
                "Result: passed");

        CliRunner.Result client = check("--cert", "client.crt", "--key", "client.key", "--client");
        assertThat(client.exitCode()).isZero();
        assertThat(client.out()).doesNotContain("[pass] names");

        CliRunner.Result misuse = check("--cert", "client.crt", "--key", "client.key");
        assertThat(misuse.exitCode()).isEqualTo(11);
        assertThat(misuse.out()).contains("[fail] usage ", "is not a server certificate", "Result: refused, 2 check(s) failed");
        assertThat(misuse.err()).startsWith("airlock: check: " + dir.resolve("client.crt") + ": 2 of 5 checks failed (usage, names)");

        CliRunner.Result mismatch = check("--cert", "tls.crt", "--key", "client.key", "--hosts", "localhost,127.0.0.1");
        assertThat(mismatch.exitCode()).isEqualTo(11);
        assertThat(mismatch.err()).contains("1 of 5 checks failed (key)");
        String keyBody = Files.readString(dir.resolve("client.key")).lines().filter(l -> !l.startsWith("-----"))
                .findFirst().orElseThrow();
        assertThat(mismatch.out() + mismatch.err()).doesNotContain(keyBody.substring(0, 24));
    }

    @Test
    void checkJsonReportsEveryCheck() throws Exception {
        assertThat(CliRunner.run("pki", "dev-tls", "--out", dir.toString()).exitCode()).isZero();
        CliRunner.Result result = check("--cert", "tls.crt", "--key", "tls.key", "--hosts", "loki.observability.svc,10.9.9.9",
                "--json");
        assertThat(result.exitCode()).isEqualTo(11);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("verdict").asText()).isEqualTo("refused");
        assertThat(json.get("role").asText()).isEqualTo("server");
        assertThat(json.at("/certificate/ipAddresses/0").asText()).isEqualTo("127.0.0.1");
        assertThat(json.at("/certificate/sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("checks")).extracting(c -> c.get("id").asText() + "=" + c.get("status").asText())
                .containsExactly("key=pass", "chain=pass", "validity=pass", "usage=pass", "names=fail");
        assertThat(json.at("/checks/4/detail").asText()).contains("does not cover 10.9.9.9");
    }

    @Test
    void checkRefusesExpiredMaterialAndSaysSo() throws Exception {
        SecureRandom random = new SecureRandom();
        DevTlsRequest defaults = DevTlsRequest.defaults();
        Clock lastYear = Clock.fixed(Instant.now().minus(Duration.ofDays(400)), ZoneOffset.UTC);
        new TlsMaterialWriter(random).write(TlsMaterial.generate(DevTlsRequest.of(defaults.keyType(), defaults.hosts(), 90,
                defaults.clientCommonName()), lastYear, random), dir, false);
        CliRunner.Result result = check("--cert", "tls.crt", "--key", "tls.key");
        assertThat(result.exitCode()).isEqualTo(11);
        assertThat(result.out()).contains("[fail] validity ", "expired on");
        assertThat(result.err()).contains("1 of 5 checks failed (validity)");
    }

    @Test
    void checkExitCodesForMissingFilesAndUsage() throws Exception {
        assertThat(CliRunner.run("pki", "dev-tls", "--out", dir.toString()).exitCode()).isZero();
        CliRunner.Result missing = check("--cert", "tls.crt", "--key", "nope.key");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.key").contains("no such file");
        assertThat(check("--cert", "tls.crt").exitCode()).isEqualTo(4);
        assertThat(check("--cert", "tls.crt", "--key", "tls.key", "--warn-days", "-1").exitCode()).isEqualTo(4);
        assertThat(check("--cert", "tls.crt", "--key", "tls.key", "--hosts", "*.observability.svc").exitCode()).isEqualTo(4);
        assertThat(check("--cert", "ca.key", "--key", "tls.key").exitCode()).isEqualTo(11);
    }

    private CliRunner.Result check(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "pki";
        all[1] = "check";
        all[2] = "--ca";
        all[3] = dir.resolve("ca.crt").toString();
        for (int i = 0; i < args.length; i++) {
            boolean file = i > 0 && (args[i - 1].equals("--cert") || args[i - 1].equals("--key"));
            all[i + 4] = file ? dir.resolve(args[i]).toString() : args[i];
        }
        return CliRunner.run(all);
    }
}
