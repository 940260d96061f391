package io.stellaops.airlock.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.app.checklist.ChecklistTls;
import io.stellaops.airlock.app.checklist.ConfigYaml;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.keys.KeyLoader;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code airlock checklist run} as an operator runs it, with a config that names only the TLS
 * material (every network check is skipped; the real servers are in ChecklistPrometheusTest):
 * output, exit codes, confirmations, --only, --json, --live-tls and the signed report.
 */
class ChecklistCommandTest {
    @TempDir
    static Path dir;

    static ChecklistTls tls;
    static Path config;

    @BeforeAll
    static void material() throws Exception {
        tls = ChecklistTls.create(dir.resolve("tls"));
        config = new ConfigYaml(tls).write(dir.resolve("checklist.yaml"));
    }

    @Test
    void withTheOperatorItemsConfirmedTheRunPassesAndWritesASignedReport() throws Exception {
        Path pass = dir.resolve("carol.pass");
        Files.writeString(pass, "correct horse battery staple\n", UTF_8);
        CliRunner.Result key = CliRunner.run("keys", "generate", "--type", "ecdsa-p256", "--out", dir.resolve("carol").toString(),
                "--passphrase-file", pass.toString());
        assertThat(key.exitCode()).as(key.err()).isZero();
        Path out = dir.resolve("evidence/report.json");
        Files.createDirectories(out.getParent());

        CliRunner.Result result = CliRunner.run("checklist", "run", "--config", config.toString(), "--report", out.toString(),
                "--report-key", dir.resolve("carol.key.pem").toString(), "--passphrase-file", pass.toString(),
                "--operator", "Carol Operator", "--confirm", "slo-evaluator=Alice", "--confirm", "retention-expiry=Bob");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Checklist of " + config,
                "  [passed] certificates: every certificate is valid for more than the 30-day window; the live secret was"
                        + " not compared",
                "  [skipped] prometheus-scrape: not configured: needs endpoints.collectorMetrics and endpoints.prometheus",
                "  [passed] slo-evaluator: confirmed by Alice at ",
                "Result: passed (3 passed, 0 failed, 0 need an operator, 4 skipped)",
                "Report: " + out + ", " + dir.resolve("evidence/report.html") + ", " + dir.resolve("evidence/report.json.dsse.json")
                        + " (signed, keyid ");
        assertThat(result.err()).isEmpty();
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.get("operator").asText()).isEqualTo("Carol Operator");
        assertThat(report.get("verdict").asText()).isEqualTo("passed");
        DsseEnvelope envelope = EnvelopeCodec.decode(Files.readAllBytes(dir.resolve("evidence/report.json.dsse.json")),
                "envelope", Limits.DEFAULT);
        var publicKey = KeyLoader.loadPublicKey(dir.resolve("carol.pub.pem"));
        assertThat(envelope.signatures()).singleElement()
                .satisfies(s -> assertThat(publicKey.verifies(envelope.pae(), s.sig())).isTrue());
        for (Path file : new Path[] {out, dir.resolve("evidence/report.html"), dir.resolve("evidence/report.json.dsse.json")}) {
            String text = Files.readString(file, UTF_8);
            assertThat(text).doesNotContain("PRIVATE KEY", "correct horse", keyBody(tls.clientKey()), keyBody(dir.resolve("carol.key.pem")));
        }
    }

    @Test
    void anItemWaitingForAnOperatorEndsWithExit13() {
        CliRunner.Result result = CliRunner.run("checklist", "run", "--config", config.toString(), "--confirm", "slo-evaluator=Alice");

        assertThat(result.exitCode()).isEqualTo(13);
        assertThat(result.out()).contains("  [needs-operator] retention-expiry: waiting for an operator to confirm",
                "      fix: Check it by hand, then confirm: airlock checklist run ... --confirm retention-expiry=YOUR-NAME",
                "Result: needs-operator (2 passed, 0 failed, 1 need an operator, 4 skipped)");
        assertThat(result.err()).isEqualTo("airlock: run: 1 check(s) need an operator (retention-expiry): confirm each with"
                + " --confirm ID=NAME once checked by hand\n");
    }

    @Test
    void onlyRunsOneCheckAndReportsTheOthersSkipped() throws Exception {
        CliRunner.Result result = CliRunner.run("checklist", "run", "--config", config.toString(), "--only", "certificates",
                "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("only").asText()).isEqualTo("certificates");
        assertThat(report.at("/counts/passed").asInt()).isEqualTo(1);
        assertThat(report.at("/counts/skipped").asInt()).isEqualTo(6);
        assertThat(report.at("/checks/6/id").asText()).isEqualTo("retention-expiry");
        assertThat(report.at("/checks/6/summary").asText()).isEqualTo("not selected (--only certificates)");
    }

    @Test
    void aLiveSecretWithAnotherCertificateFailsTheCertificatesCheck() throws Exception {
        Path same = Files.createDirectories(dir.resolve("live-same"));
        Files.copy(tls.serverCertificate(), same.resolve("tls.crt"));
        Files.copy(tls.ca(), same.resolve("ca.crt"));
        assertThat(CliRunner.run("checklist", "run", "--config", config.toString(), "--only", "certificates", "--live-tls",
                same.toString()).out()).contains("[passed] certificates: every certificate is valid for more than the"
                + " 30-day window; the live secret holds the local certificates");

        ChecklistTls other = ChecklistTls.create(dir.resolve("other"));
        Path stale = Files.createDirectories(dir.resolve("live-stale"));
        Files.copy(other.serverCertificate(), stale.resolve("tls.crt"));
        CliRunner.Result result = CliRunner.run("checklist", "run", "--config", config.toString(), "--only", "certificates",
                "--live-tls", stale.toString());

        assertThat(result.exitCode()).isEqualTo(13);
        assertThat(result.out()).contains("  [failed: unexpected] certificates: the live secret's tls.crt (sha256 ",
                ") is not the local one (sha256 ", "      fix: The cluster still serves other certificates");
        assertThat(result.err()).isEqualTo("airlock: run: 1 of 7 checks failed (certificates)\n");
    }

    @Test
    void usageErrorsAndBadConfigsAreRefusedBeforeAnyCheckRuns() throws Exception {
        assertRefused(4, "--report-key signs the report: give --report too", "--report-key", "k.pem");
        assertRefused(4, "--only nope: no such check; the checks are certificates, prometheus-scrape, tenant-activity,"
                + " retention, alerts, slo-evaluator, retention-expiry", "--only", "nope");
        assertRefused(4, "--confirm takes ID=NAME, not 'slo-evaluator'", "--confirm", "slo-evaluator");
        assertRefused(4, "--confirm alerts: not an operator item; they are slo-evaluator, retention-expiry",
                "--confirm", "alerts=Alice");

        assertRefused(1, "the report's folder " + dir.resolve("nowhere") + " does not exist", "--report",
                dir.resolve("nowhere/report").toString());
        CliRunner.Result missing = CliRunner.run("checklist", "run", "--config", dir.resolve("missing.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("airlock: run: cannot read " + dir.resolve("missing.yaml") + ": no such file\n");
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, new ConfigYaml(tls).yaml() + "endpoint:\n  loki: https://loki:3100\n", UTF_8);
        CliRunner.Result malformed = CliRunner.run("checklist", "run", "--config", typo.toString());
        assertThat(malformed.exitCode()).isEqualTo(11);
        assertThat(malformed.err()).isEqualTo("airlock: run: typo.yaml: config has unknown field(s) 'endpoint'\n");
    }

    private static void assertRefused(int code, String message, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "checklist";
        args[1] = "run";
        args[2] = "--config";
        args[3] = config.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(code);
        assertThat(result.err()).isEqualTo("airlock: run: " + message + "\n");
        assertThat(result.out()).isEmpty();
    }

    /** A line from the middle of a PEM key's base64, which must appear in no report. */
    private static String keyBody(Path pem) throws Exception {
        return Files.readAllLines(pem, UTF_8).get(1);
    }
}
