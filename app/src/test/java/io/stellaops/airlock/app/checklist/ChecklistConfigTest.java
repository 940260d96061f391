package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checklist config: the documented example, the defaults, and a refusal naming the field for each mistake. */
class ChecklistConfigTest {
    static final Path DOC = ConfigYaml.SAMPLE.resolve("../../docs/checklist.md");
    static final String MINIMAL = "tls: {ca: tls/ca.crt, cert: tls/client.crt, key: tls/client.key}\n";

    @TempDir
    Path dir;

    Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("checklist.yaml"), yaml, UTF_8);
    }

    ChecklistConfig load(String yaml) throws Exception {
        return ChecklistConfigLoader.load(write(yaml));
    }

    void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(BundleException.class)
                .hasMessage("checklist.yaml: " + message)
                .satisfies(e -> assertThat(((BundleException) e).failure()).isEqualTo(Failure.REFUSED));
    }

    /** The example of docs/checklist.md, so that the documentation cannot drift from the parser. */
    static String documentedExample() throws Exception {
        String doc = Files.readString(DOC, UTF_8);
        int start = doc.indexOf("```yaml\n# checklist.yaml\n");
        assertThat(start).as("the example config in " + DOC).isNotNegative();
        int from = start + "```yaml\n".length();
        return doc.substring(from, doc.indexOf("```", from));
    }

    @Test
    void theDocumentedExampleLoadsWithPathsResolvedAgainstTheConfigFolder() throws Exception {
        ChecklistConfig config = load(documentedExample());

        assertThat(config.endpoints().collectorMetrics())
                .contains(URI.create("https://stellaops-otel-collector.observability.svc:9464/metrics"));
        assertThat(config.tls().ca()).isEqualTo(dir.resolve("tls/ca.crt"));
        assertThat(config.tls().serverCertificate()).contains(dir.resolve("tls/tls.crt"));
        assertThat(config.tenants().ids()).containsExactly("default", "tenant-a", "tenant-b", "airlock-smoke");
        assertThat(config.retention().overrides()).contains(dir.resolve("kit/telemetry/current"));
        assertThat(config.retention().expected()).containsExactly(Map.entry("default", Duration.ofDays(30)),
                Map.entry("tenant-a", Duration.ofDays(90)), Map.entry("tenant-b", Duration.ofDays(14)),
                Map.entry("airlock-smoke", Duration.ofDays(1)));
        assertThat(config.alertRules()).contains(dir.resolve("kit/telemetry/current/storage/alerts/telemetry-storage-rules.yaml"));
        assertThat(config.operatorItems()).extracting(ChecklistConfig.OperatorItem::id)
                .containsExactly("slo-evaluator", "retention-expiry");
        assertThat(config.timeouts()).isEqualTo(new ChecklistConfig.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)));
    }

    @Test
    void onlyTheTlsMaterialIsRequiredAndEverythingElseHasTheRunbooksDefaults() throws Exception {
        ChecklistConfig config = load(MINIMAL);

        assertThat(config.endpoints()).isEqualTo(new ChecklistConfig.Endpoints(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(config.tls().requireClientCertificate()).isTrue();
        assertThat(config.tls().expiryWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(config.prometheusJob()).isEqualTo("stellaops-otel-collector");
        assertThat(config.tenants()).isEqualTo(new ChecklistConfig.Tenants("X-Scope-OrgID", List.of()));
        assertThat(config.retention().testTenant()).isEqualTo("airlock-smoke");
        assertThat(config.operatorItems()).isEqualTo(ChecklistConfigLoader.DEFAULT_OPERATOR_ITEMS);
        assertThat(load(MINIMAL + "operatorItems: []\n").operatorItems()).isEmpty();
        assertThat(config.withLiveTls(dir).tls().liveDirectory()).contains(dir);
    }

    @Test
    void mistakesAreRefusedNamingTheField() throws Exception {
        assertRefused(MINIMAL + "endpoint: {loki: https://loki:3100}\n", "config has unknown field(s) 'endpoint'");
        assertRefused("endpoints: {loki: https://loki:3100}\n", "tls is missing");
        assertRefused(MINIMAL + "endpoints: {loki: 'http://loki:3100'}\n",
                "endpoints.loki must be an https URL with a host and no user, query or fragment (or a port-forward:"
                        + " {service: NAME, port: N})");
        assertRefused(MINIMAL + "endpoints: {loki: {pod: loki-0, port: 3100}}\n",
                "endpoints.loki is a port-forward: it needs the cluster section (kubeconfig, context)");
        assertRefused(MINIMAL + "cluster: {}\nendpoints: {loki: {pod: loki-0, port: 3100}}\n",
                "endpoints.loki.serverName is required for a pod: the name its certificate carries");
        assertRefused(MINIMAL + "cluster: {}\nendpoints: {loki: {service: loki, pod: loki-0, port: 3100}}\n",
                "endpoints.loki needs exactly one of service or pod");
        assertRefused(MINIMAL + "cluster: {namespace: Observability}\n",
                "cluster.namespace 'Observability' is not a Kubernetes name (lowercase letters, digits, '-' and '.')");
        assertRefused(MINIMAL + "tenants: {ids: [tenant-a, tenant-a]}\n", "tenants.ids lists 'tenant-a' twice");
        assertRefused(MINIMAL + "tenants: {ids: ['tenant a']}\n",
                "tenants.ids[0] must be a tenant id: 1 to 150 letters, digits or ! - _ . * ' ( )");
        assertRefused(MINIMAL + "tenants: {header: 'X Tenant'}\n", "tenants.header 'X Tenant' is not an HTTP header name");
        assertRefused(MINIMAL + "retention: {overrides: kit, expected: {default: 30 days}}\n",
                "retention.expected.default must be a duration such as 720h, 30d or 5s");
        assertRefused(MINIMAL + "retention: {overrides: kit}\n",
                "retention.overrides needs retention.expected: the retention each tenant must have");
        assertRefused(MINIMAL + "operatorItems: [{id: alerts, title: Alerts}]\n",
                "operatorItems[0].id 'alerts' is already the id of another check");
        assertRefused(MINIMAL + "operatorItems: [{id: Confirm, title: x}]\n",
                "operatorItems[0].id 'Confirm' must be 1 to 63 lowercase letters, digits or '-', starting with a letter or digit");
        assertRefused(MINIMAL + "timeouts: {request: 10s, check: 5s}\n", "timeouts.check (5s) is shorter than timeouts.request (10s)");
        assertRefused(MINIMAL + "timeouts: {request: 1ms}\n", "timeouts.request must be between 100ms and 30m");
        assertRefused(MINIMAL + "tls: {}\n", "is not valid YAML at line 2, column 4: Duplicate field 'tls'");
    }

    @Test
    void aServiceEndpointIsForwardedAndNamedAfterTheServiceUnlessTheConfigSaysOtherwise() throws Exception {
        Path file = dir.resolve("forward.yaml");
        Files.writeString(file, MINIMAL + """
                cluster: {kubeconfig: kube.yaml, context: stage, namespace: telemetry, tlsSecret: tls-2}
                prometheus: {tokenFile: prometheus-stage.token}
                endpoints:
                  collectorMetrics: {service: stellaops-otel-collector, port: 9464}
                  loki: {service: loki, namespace: observability, port: 3100, serverName: loki.example, path: /gw}
                  tempo: https://tempo.observability.svc:3200
                """);
        ChecklistConfig config = ChecklistConfigLoader.load(file);

        assertThat(config.endpoints().collectorMetrics()).contains(
                java.net.URI.create("https://stellaops-otel-collector.telemetry.svc:9464/metrics"));
        assertThat(config.endpoints().loki()).contains(java.net.URI.create("https://loki.example:3100/gw"));
        assertThat(config.forwards()).containsOnlyKeys("collectorMetrics", "loki");
        assertThat(config.forwards().get("loki")).isEqualTo(new ChecklistConfig.Forward("service", "loki", "observability",
                3100, "loki.example"));
        assertThat(config.cluster()).hasValueSatisfying(c -> {
            assertThat(c.connection().kubeconfig()).contains(dir.resolve("kube.yaml"));
            assertThat(c.connection().context()).contains("stage");
            assertThat(c.namespace()).isEqualTo("telemetry");
            assertThat(c.tlsSecret()).isEqualTo("tls-2");
        });
        assertThat(config.collectorToken()).contains(dir.resolve("prometheus-stage.token"));
    }

    @Test
    void aMissingConfigIsUnreadable() {
        assertThatThrownBy(() -> ChecklistConfigLoader.load(dir.resolve("none.yaml"))).isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).failure()).isEqualTo(Failure.UNREADABLE));
    }

    @Test
    void durationsAreReadAsPrometheusAndLokiWriteThem() {
        assertThat(Durations.parse("720h")).contains(Duration.ofDays(30));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("2w")).contains(Duration.ofDays(14));
        assertThat(Durations.parse("1y")).contains(Duration.ofDays(365));
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("5 s")).isEmpty();
        assertThat(Durations.parse("h")).isEmpty();
        assertThat(Durations.parse("-1h")).isEmpty();
        assertThat(Durations.format(Duration.ofDays(90))).isEqualTo("2160h");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
