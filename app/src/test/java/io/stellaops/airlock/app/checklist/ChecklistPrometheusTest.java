package io.stellaops.airlock.app.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.cli.AirlockCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checklist against a real Prometheus: Debian's {@code prometheus} binary on 127.0.0.1, its web
 * endpoints requiring client certificates of Airlock's own dev CA, scraping a real target over mTLS
 * (a JDK HTTPS server serving {@code /metrics}) and loading the bundle's rule file. Loki and Tempo
 * have no package here: {@link FakeLoki} and {@link FakeTempo} are small in-test HTTPS servers that
 * implement only the documented endpoints the checks use. Every server picks a free port and is
 * stopped in {@link #stop()} (Prometheus is killed) or in try-with-resources.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChecklistPrometheusTest {
    static final Set<String> TENANTS = Set.of("default", "tenant-a", "tenant-b", "airlock-smoke");

    @TempDir
    static Path dir;

    static ChecklistTls tls;
    static TestHttpsServer collector;
    static FakeLoki loki;
    static FakeTempo tempo;
    static PrometheusProcess prometheus;

    @BeforeAll
    static void start() throws Exception {
        tls = ChecklistTls.create(dir.resolve("tls"));
        collector = TestCollector.start(tls, true);
        loki = FakeLoki.start(tls, TENANTS);
        tempo = FakeTempo.start(tls, TENANTS);
        prometheus = PrometheusProcess.start(dir.resolve("prometheus"), tls, collector.port(),
                Optional.of(ConfigYaml.RULES));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable server : new AutoCloseable[] {prometheus, collector, loki, tempo}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                // Best effort: the others must still stop.
            }
        }
    }

    static ConfigYaml config() {
        return config(prometheus.uri(), collector.uri());
    }

    static ConfigYaml config(URI prometheusUri, URI collectorUri) {
        return new ConfigYaml(tls)
                .endpoint("prometheus", prometheusUri)
                .endpoint("collectorMetrics", collectorUri.resolve("/metrics"))
                .endpoint("loki", loki.uri())
                .endpoint("tempo", tempo.uri())
                .retention(ConfigYaml.SAMPLE, "{default: 720h, tenant-a: 2160h, tenant-b: 336h, airlock-smoke: 24h}")
                .rules(ConfigYaml.RULES);
    }

    static Checklist checklist(ConfigYaml yaml, String name, String... confirmed) throws Exception {
        ChecklistConfig config = ChecklistConfigLoader.load(yaml.write(dir.resolve(name + ".yaml")));
        Confirmations confirmations = new Confirmations(Clock.systemUTC());
        for (String id : confirmed) {
            confirmations.confirm(id, "alice");
        }
        return StandardChecklist.create(config, confirmations, Clock.systemUTC());
    }

    @Test
    void everyCheckPassesAgainstTheRealPrometheusAndTheStorageStandIns() throws Exception {
        Checklist checklist = checklist(config(), "passing", "slo-evaluator", "retention-expiry");
        List<CheckOutcome> outcomes = checklist.runAll();

        assertThat(outcomes).as(outcomes.toString()).allSatisfy(o -> assertThat(o.state()).isEqualTo(CheckState.PASSED));
        assertThat(ChecklistVerdict.of(outcomes)).isEqualTo(ChecklistVerdict.PASSED);
        CheckOutcome scrape = checklist.outcome(StandardChecklist.PROMETHEUS_SCRAPE);
        assertThat(scrape.summary()).contains("the collector serves 3 samples over mTLS",
                "Prometheus reports 1 target(s) of job stellaops-otel-collector up");
        assertThat(scrape.evidence()).extracting(Evidence::response)
                .filteredOn(r -> r.startsWith("refused, as required")).hasSize(2);
        assertThat(checklist.outcome(StandardChecklist.ALERTS).summary()).isEqualTo(
                "all 8 alerts of telemetry-storage-rules.yaml are loaded");
        assertThat(checklist.outcome("slo-evaluator").confirmation()).hasValueSatisfying(c -> assertThat(c.by()).isEqualTo("alice"));
        assertThat(loki.pushed("airlock-smoke")).isNotEmpty(); // the CLI test pushes too
    }

    @Test
    void theCliRunPassesWithEveryCheckAndWritesTheReport() throws Exception {
        Path config = config().write(dir.resolve("cli.yaml"));
        Path out = dir.resolve("cli-report.json");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = AirlockCli.newCommandLine(new PrintWriter(stdout, true), new PrintWriter(stderr, true)).execute(
                "checklist", "run", "--config", config.toString(), "--report", out.toString(), "--live-tls", tls.dir().toString(),
                "--confirm", "slo-evaluator=Alice", "--confirm", "retention-expiry=Bob");

        assertThat(code).as(stdout + "\n" + stderr).isZero();
        assertThat(stdout.toString()).contains("[passed] certificates:", "[passed] prometheus-scrape:",
                "[passed] tenant-activity:", "[passed] retention:", "[passed] alerts:",
                "Result: passed (7 passed, 0 failed, 0 need an operator, 0 skipped)", "(unsigned)");
        String html = Files.readString(dir.resolve("cli-report.html"));
        assertThat(html).contains("GET " + prometheus.uri() + "/api/v1/rules", "refused, as required");
    }

    @Test
    void aClientCertificateOfAnotherCaFailsTheScrapeWithATlsReason() throws Exception {
        ChecklistTls other = ChecklistTls.create(dir.resolve("other-ca"));
        CheckOutcome scrape = checklist(config().client(other.clientCertificate(), other.clientKey()), "other-ca")
                .run(StandardChecklist.PROMETHEUS_SCRAPE);

        assertThat(scrape.state()).isEqualTo(CheckState.FAILED);
        assertThat(scrape.reason()).as(scrape.toString()).contains(FailureReason.TLS);
        // The JDK server's refusal reaches the client as a close after the handshake. Go's (Prometheus) is
        // a bad_certificate alert, which in TLS 1.3 races with the close: either reading is a TLS refusal.
        String prometheusPort = "127.0.0.1:" + prometheus.uri().getPort();
        assertThat(scrape.summary()).startsWith("127.0.0.1:" + collector.port() + " closed the connection after the TLS"
                + " handshake without an HTTP answer").contains("it most likely refused the client certificate")
                .satisfiesAnyOf(
                        summary -> assertThat(summary).contains(prometheusPort
                                + " refused the TLS connection (alert bad_certificate): it does not accept the client certificate"),
                        summary -> assertThat(summary).contains(prometheusPort + " closed the connection after the TLS"
                                + " handshake without an HTTP answer"));
        assertThat(scrape.fixHint()).contains("tls.cert is a client certificate from the CA");
    }

    @Test
    void anExpiredClientCertificateFailsTheCertificatesAndTheScrape() throws Exception {
        Path[] expired = tls.expiredClient();
        Checklist checklist = checklist(config().client(expired[0], expired[1]), "expired");
        CheckOutcome certificates = checklist.run(StandardChecklist.CERTIFICATES);
        CheckOutcome scrape = checklist.run(StandardChecklist.PROMETHEUS_SCRAPE);

        assertThat(certificates.state()).isEqualTo(CheckState.FAILED);
        assertThat(certificates.reason()).contains(FailureReason.UNEXPECTED);
        assertThat(certificates.summary()).startsWith("tls.cert 'CN=observability-prometheus").contains("expired on");
        assertThat(scrape.state()).isEqualTo(CheckState.FAILED);
        assertThat(scrape.reason()).as(scrape.toString()).contains(FailureReason.TLS);
    }

    @Test
    void aServerThatDoesNotRequireAClientCertificateFails() throws Exception {
        try (TestHttpsServer open = TestCollector.start(tls, false)) {
            CheckOutcome scrape = checklist(config(prometheus.uri(), open.uri()), "open").run(StandardChecklist.PROMETHEUS_SCRAPE);

            assertThat(scrape.state()).isEqualTo(CheckState.FAILED);
            assertThat(scrape.reason()).as(scrape.toString()).contains(FailureReason.TLS);
            assertThat(scrape.summary()).isEqualTo("127.0.0.1:" + open.port() + " answered HTTP 200 without a client"
                    + " certificate: the server does not require a client certificate");
            assertThat(scrape.fixHint()).contains("RequireAndVerifyClientCert");
        }
    }

    @Test
    void aServerCertificateFromAnotherCaFailsWithATlsReason() throws Exception {
        ChecklistTls other = ChecklistTls.create(dir.resolve("trust-other"));
        CheckOutcome alerts = checklist(config().ca(other.ca()), "wrong-trust").run(StandardChecklist.ALERTS);

        assertThat(alerts.state()).isEqualTo(CheckState.FAILED);
        assertThat(alerts.reason()).contains(FailureReason.TLS);
        assertThat(alerts.summary()).isEqualTo("the certificate of 127.0.0.1:" + prometheus.uri().getPort()
                + " is not issued by the configured CA (tls.ca)");
    }

    @Test
    void aScrapeTargetThatIsDownIsNamedWithItsLastError() throws Exception {
        TestHttpsServer own = TestCollector.start(tls, true);
        try (PrometheusProcess watching = PrometheusProcess.start(dir.resolve("watching"), tls, own.port(), Optional.empty())) {
            own.close();
            Checklist checklist = checklist(config(watching.uri(), collector.uri()), "target-down");
            CheckOutcome scrape = checklist.run(StandardChecklist.PROMETHEUS_SCRAPE);
            for (int i = 0; i < 50 && scrape.state() == CheckState.PASSED; i++) { // until Prometheus scraped again
                Thread.sleep(200);
                scrape = checklist.run(StandardChecklist.PROMETHEUS_SCRAPE);
            }
            assertThat(scrape.state()).isEqualTo(CheckState.FAILED);
            assertThat(scrape.reason()).contains(FailureReason.UNEXPECTED);
            assertThat(scrape.summary()).startsWith("Prometheus cannot scrape job stellaops-otel-collector: https://127.0.0.1:"
                    + own.port() + "/metrics is down (").contains("connection refused");
            assertThat(scrape.fixHint()).startsWith("Read lastError");
        } finally {
            own.close();
        }
    }

    @Test
    void prometheusWithoutTheRuleFileNamesTheMissingAlertsAndOnceStoppedIsUnreachable() throws Exception {
        CheckOutcome missing;
        Checklist checklist;
        try (PrometheusProcess bare = PrometheusProcess.start(dir.resolve("bare"), tls, collector.port(), Optional.empty())) {
            checklist = checklist(config(bare.uri(), collector.uri()), "bare");
            missing = checklist.run(StandardChecklist.ALERTS);
        }
        assertThat(missing.state()).isEqualTo(CheckState.FAILED);
        assertThat(missing.reason()).contains(FailureReason.UNEXPECTED);
        assertThat(missing.summary()).isEqualTo("8 of 8 alerts are not loaded in Prometheus: TelemetryCollectorDown,"
                + " TelemetryCollectorTargetMissing, TelemetryStorageBackendDown, LokiIngestionRateLimited,"
                + " TempoIngestionFailures, TelemetryScrapeTLSFailure, TelemetryCertificateExpiringSoon,"
                + " TelemetryCertificateExpiryCritical");

        CheckOutcome stopped = checklist.run(StandardChecklist.ALERTS);
        assertThat(stopped.state()).isEqualTo(CheckState.FAILED);
        assertThat(stopped.reason()).contains(FailureReason.UNREACHABLE);
        assertThat(stopped.summary()).startsWith("cannot connect to 127.0.0.1:");
        assertThat(stopped.fixHint()).contains("runs and that endpoints.prometheus is right");
    }
}
