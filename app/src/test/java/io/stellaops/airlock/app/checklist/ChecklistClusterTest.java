package io.stellaops.airlock.app.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.cluster.TestMaterial;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checklist reaching the cluster through the Kubernetes API, with fabric8's client: the live TLS
 * secret read from the API, and endpoints reached through port-forwards. What is real: fabric8's
 * client and its port-forward (a local listener and the websocket protocol), the TLS handshakes and
 * HTTP exchanges with {@link FakeLoki} (a real JDK HTTPS server requiring client certificates, whose
 * certificate names only the in-cluster service {@code loki.observability.svc}) and the test collector.
 * What stands in: the API server, fabric8's mock server ({@link ClusterApi}), whose port-forward
 * websocket bridges the bytes to the real local server. Servers pick free ports and stop after each test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChecklistClusterTest {
    static final String NAMESPACE = "observability";
    static final String LOKI_NAME = "loki.observability.svc";

    @TempDir
    static Path dir;

    static ChecklistTls tls;
    static Path[] lokiCertificate;

    ClusterApi api;
    FakeLoki loki;
    Path kubeconfig;

    @BeforeAll
    static void material() throws Exception {
        tls = ChecklistTls.create(dir.resolve("tls"));
        lokiCertificate = tls.server("loki-svc", LOKI_NAME);
    }

    @BeforeEach
    void start() throws Exception {
        api = new ClusterApi();
        loki = FakeLoki.start(tls, ChecklistPrometheusTest.TENANTS, lokiCertificate[0], lokiCertificate[1]);
        kubeconfig = api.writeKubeconfig(Files.createTempFile(dir, "kubeconfig", ".yaml"));
    }

    @AfterEach
    void stop() {
        loki.close();
        api.close();
    }

    String cluster() {
        return "cluster:\n  kubeconfig: " + kubeconfig + "\n  context: mock\n";
    }

    Checklist checklist(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "config", ".yaml");
        Files.writeString(file, yaml);
        return StandardChecklist.create(ChecklistConfigLoader.load(file), new Confirmations(Clock.systemUTC()),
                Clock.systemUTC());
    }

    ConfigYaml base() {
        return new ConfigYaml(tls).tenants("[default, tenant-a, airlock-smoke]").timeouts("{request: 4s, check: 30s}");
    }

    @Test
    void theLiveSecretIsReadFromTheClusterAndComparedWithTheLocalFiles() throws Exception {
        api.tlsSecret(NAMESPACE, "stellaops-otel-tls-stage", Files.readAllBytes(tls.serverCertificate()),
                Files.readAllBytes(tls.ca()));
        Checklist checklist = checklist(base().extra(cluster()).yaml());

        CheckOutcome outcome = checklist.run(StandardChecklist.CERTIFICATES);

        assertThat(outcome.state()).as(outcome.toString()).isEqualTo(CheckState.PASSED);
        assertThat(outcome.summary()).endsWith("the live secret holds the local certificates");
        assertThat(outcome.evidence()).extracting(Evidence::request)
                .contains("GET secret observability/stellaops-otel-tls-stage (only tls.crt and ca.crt are kept)");
        assertThat(outcome.evidence()).extracting(Evidence::response).filteredOn(r -> r.endsWith(": equal")).hasSize(2);
        assertThat(api.requests()).contains("GET /api/v1/namespaces/observability/secrets/stellaops-otel-tls-stage");

        // Rotated locally but not rolled out: the secret still holds another certificate.
        Path[] other = tls.server("rotated", "localhost");
        api.tlsSecret(NAMESPACE, "stellaops-otel-tls-stage", Files.readAllBytes(other[0]), Files.readAllBytes(tls.ca()));
        outcome = checklist.run(StandardChecklist.CERTIFICATES);
        assertThat(outcome.state()).isEqualTo(CheckState.FAILED);
        assertThat(outcome.reason()).contains(FailureReason.UNEXPECTED);
        assertThat(outcome.summary()).startsWith("the live secret's tls.crt (sha256 ").contains(") is not the local one");
        assertThat(outcome.evidence().toString()).doesNotContain("not a key"); // tls.key is never kept
    }

    @Test
    void theCliReadsTheLiveSecretWithKubeconfigAndContextAndReRunsOneCheck() throws Exception {
        api.tlsSecret(NAMESPACE, "stellaops-otel-tls-stage", Files.readAllBytes(tls.serverCertificate()),
                Files.readAllBytes(tls.ca()));
        Path config = base().write(dir.resolve("cli-cluster.yaml"));
        java.io.StringWriter stdout = new java.io.StringWriter();
        java.io.StringWriter stderr = new java.io.StringWriter();
        int code = io.stellaops.airlock.app.cli.AirlockCli.newCommandLine(new java.io.PrintWriter(stdout, true),
                new java.io.PrintWriter(stderr, true)).execute("checklist", "run", "--config", config.toString(),
                "--only", "certificates", "--kubeconfig", kubeconfig.toString(), "--context", "mock");

        assertThat(code).as(stdout + "\n" + stderr).isZero();
        assertThat(stdout.toString()).contains("[passed] certificates: every certificate is valid for more than the 30-day"
                + " window; the live secret holds the local certificates", "[skipped] alerts: not selected (--only certificates)");
    }

    @Test
    void aMissingSecretAndAnUnreachableApiServerFailWithTheirReason() throws Exception {
        Checklist checklist = checklist(base().extra(cluster() + "  tlsSecret: nope\n").yaml());
        CheckOutcome missing = checklist.run(StandardChecklist.CERTIFICATES);
        assertThat(missing.state()).isEqualTo(CheckState.FAILED);
        assertThat(missing.reason()).contains(FailureReason.UNEXPECTED);
        assertThat(missing.summary()).startsWith("secret observability/nope of http://localhost:").endsWith(" does not exist");

        Checklist dead = checklist(base().extra("cluster:\n  kubeconfig: " + kubeconfig + "\n  context: dead\n").yaml());
        CheckOutcome unreachable = dead.run(StandardChecklist.CERTIFICATES);
        assertThat(unreachable.state()).isEqualTo(CheckState.FAILED);
        assertThat(unreachable.reason()).contains(FailureReason.UNREACHABLE);
        assertThat(unreachable.summary()).startsWith("cannot read secret observability/stellaops-otel-tls-stage of http://127.0.0.1:");
        assertThat(unreachable.duration()).hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(15)));
    }

    @Test
    void lokiIsReachedThroughAPodPortForwardAndTheForwardIsClosedAfterwards() throws Exception {
        api.pod(NAMESPACE, "loki-0", 3100, loki.uri().getPort());
        String yaml = base().retention(ConfigYaml.SAMPLE, "{default: 720h, tenant-a: 2160h, tenant-b: 336h, airlock-smoke: 24h}")
                .extra(cluster() + "endpoints:\n  loki: {pod: loki-0, port: 3100, serverName: " + LOKI_NAME + "}\n").yaml();
        Checklist checklist = checklist(yaml);

        CheckOutcome activity = checklist.run(StandardChecklist.TENANT_ACTIVITY);
        CheckOutcome retention = checklist.run(StandardChecklist.RETENTION);

        assertThat(activity.state()).as(activity.toString()).isEqualTo(CheckState.PASSED);
        assertThat(retention.state()).as(retention.toString()).isEqualTo(CheckState.PASSED);
        assertThat(activity.evidence()).extracting(Evidence::request).anyMatch(r -> r.startsWith(
                "port-forward pod/loki-0 in observability, port 3100 through http://localhost:"));
        assertThat(activity.evidence()).extracting(Evidence::request).anyMatch(r -> r.startsWith(
                "GET https://" + LOKI_NAME + ":3100/ready (") && r.endsWith(" through pod/loki-0 in observability, port 3100"));
        assertThat(activity.evidence()).extracting(Evidence::response)
                .anyMatch(r -> r.startsWith("refused, as required")); // the mTLS requirement is proven through the forward too
        assertThat(loki.pushed("airlock-smoke")).isNotEmpty();
        assertThat(api.requests()).anyMatch(r -> r.startsWith("GET /api/v1/namespaces/observability/pods/loki-0/portforward"));

        // The forward's local port was closed with the check.
        int localPort = localPort(activity);
        assertThat(connects(localPort)).as("127.0.0.1:" + localPort + " still accepts").isFalse();
    }

    @Test
    void aServiceIsForwardedToAPodItsSelectorMatchesAndNamedAfterTheService() throws Exception {
        api.pod(NAMESPACE, "loki-0", 3100, loki.uri().getPort()).service(NAMESPACE, "loki", 3100, "loki-0");
        Checklist checklist = checklist(base().extra(cluster() + "endpoints:\n  loki: {service: loki, port: 3100}\n").yaml());

        CheckOutcome activity = checklist.run(StandardChecklist.TENANT_ACTIVITY);

        assertThat(activity.state()).as(activity.toString()).isEqualTo(CheckState.PASSED);
        assertThat(activity.evidence()).extracting(Evidence::request).anyMatch(r -> r.startsWith(
                "GET https://" + LOKI_NAME + ":3100/ready (") && r.endsWith(" through service/loki in observability, port 3100"));
        assertThat(api.requests()).anyMatch(r -> r.startsWith("GET /api/v1/namespaces/observability/pods/loki-0/portforward"));
    }

    @Test
    void aMissingPodAndACertificateForAnotherServerNameFailPrecisely() throws Exception {
        Checklist missing = checklist(base().extra(cluster() + "endpoints:\n  loki: {pod: loki-9, port: 3100, serverName: "
                + LOKI_NAME + "}\n").yaml());
        CheckOutcome noPod = missing.run(StandardChecklist.TENANT_ACTIVITY);
        assertThat(noPod.state()).isEqualTo(CheckState.FAILED);
        assertThat(noPod.reason()).contains(FailureReason.UNREACHABLE);
        assertThat(noPod.summary()).startsWith("pod/loki-9 does not exist in namespace observability of http://localhost:");
        assertThat(missing.outcome(StandardChecklist.CERTIFICATES).state()).isEqualTo(CheckState.PENDING);

        api.pod(NAMESPACE, "loki-0", 3100, loki.uri().getPort());
        Checklist wrongName = checklist(base().extra(cluster()
                + "endpoints:\n  loki: {pod: loki-0, port: 3100, serverName: tempo.observability.svc}\n").yaml());
        CheckOutcome named = wrongName.run(StandardChecklist.TENANT_ACTIVITY);
        assertThat(named.state()).isEqualTo(CheckState.FAILED);
        assertThat(named.reason()).contains(FailureReason.TLS);
        assertThat(named.summary()).startsWith("the certificate of tempo.observability.svc:3100 does not name the host"
                + " tempo.observability.svc (hostname verification)");
    }

    @Test
    void theCollectorGetsTheAuthorityTokenAsPrometheusSendsItAndTheEvidenceNeverShowsIt() throws Exception {
        String token = TestMaterial.prometheusToken(Instant.now().plus(Duration.ofDays(30)));
        Path tokenFile = Files.writeString(dir.resolve("prometheus-stage.token"), token + "\n");
        try (TestHttpsServer collector = TestHttpsServer.start(tls.serverCertificate(), tls.serverKey(), tls.ca(), true)) {
            collector.handle("/metrics", exchange -> {
                boolean bearer = ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
                TestHttpsServer.send(exchange, bearer ? 200 : 401, "text/plain; version=0.0.4", bearer ? TestCollector.METRICS : "");
            });
            ConfigYaml config = base().endpoint("collectorMetrics", collector.uri().resolve("/metrics"))
                    .endpoint("prometheus", collector.uri());

            Checklist without = checklist(config.yaml());
            CheckOutcome refused = without.run(StandardChecklist.PROMETHEUS_SCRAPE);
            assertThat(refused.reason()).contains(FailureReason.HTTP_STATUS);
            assertThat(refused.summary()).contains("/metrics answered HTTP 401");

            Checklist with = checklist(config.extra("prometheus:\n  tokenFile: " + tokenFile + "\n").yaml());
            CheckOutcome scraped = with.run(StandardChecklist.PROMETHEUS_SCRAPE);
            assertThat(scraped.evidence()).anySatisfy(e -> {
                assertThat(e.request()).startsWith("GET " + collector.uri() + "/metrics (").contains(
                        "Authorization: Bearer <token of " + tokenFile + ", not shown>");
                assertThat(e.response()).startsWith("200, text/plain");
            });
            assertThat(scraped.toString()).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }

        Path expired = Files.writeString(dir.resolve("expired.token"),
                TestMaterial.prometheusToken(Instant.now().minus(Duration.ofDays(1))));
        CheckOutcome old = checklist(base().endpoint("collectorMetrics", java.net.URI.create("https://127.0.0.1:1/metrics"))
                .endpoint("prometheus", java.net.URI.create("https://127.0.0.1:1"))
                .extra("prometheus:\n  tokenFile: " + expired + "\n").yaml()).run(StandardChecklist.PROMETHEUS_SCRAPE);
        assertThat(old.reason()).contains(FailureReason.LOCAL_FILE);
        assertThat(old.summary()).startsWith("prometheus.tokenFile: token file " + expired).contains("expired");
    }

    private static int localPort(CheckOutcome outcome) {
        Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
        return outcome.evidence().stream().map(e -> listening.matcher(e.response())).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).findFirst().orElseThrow();
    }

    private static boolean connects(int port) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

}
