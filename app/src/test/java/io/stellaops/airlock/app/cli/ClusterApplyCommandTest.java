package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stellaops.airlock.app.cluster.MockCluster;
import io.stellaops.airlock.app.cluster.TestMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code airlock cluster apply} against fabric8's kubernetes-server-mock in CRUD mode: there is no
 * Kubernetes API server for this machine, so {@link MockCluster} stands in for one (it emulates
 * server-side apply and dry runs on top of the CRUD store; see {@code ApplyCrudDispatcher}).
 */
class ClusterApplyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MockCluster cluster;
    private KubernetesClient client;
    private BootstrapFixture fixture;

    @BeforeEach
    void start() throws Exception {
        cluster = new MockCluster();
        client = cluster.client();
        fixture = new BootstrapFixture(dir, cluster);
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    private List<String> writesSince(int index) {
        return cluster.dispatcher().requests().subList(index, cluster.dispatcher().requests().size()).stream()
                .filter(r -> !r.startsWith("GET ") && !r.contains("dryRun=All")).toList();
    }

    @Test
    void firstApplyCreatesEverythingAndTheSecondChangesNothing() throws Exception {
        CliRunner.Result first = fixture.run(fixture.args("apply"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("create     Namespace observability")
                .contains("create     Secret observability/stellaops-otel-tls-stage")
                .contains("+ tls.key").contains("Summary:    6 created");

        Namespace namespace = client.namespaces().withName("observability").get();
        assertThat(namespace.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "airlock");
        Secret tls = client.secrets().inNamespace("observability").withName("stellaops-otel-tls-stage").get();
        assertThat(tls.getType()).isEqualTo("Opaque");
        assertThat(decode(tls, "tls.key")).isEqualTo(Files.readAllBytes(fixture.tls.resolve("tls.key")));
        assertThat(decode(tls, "ca.crt")).isEqualTo(Files.readAllBytes(fixture.tls.resolve("ca.crt")));
        Secret token = client.secrets().inNamespace("observability").withName("stellaops-prometheus-token").get();
        assertThat(new String(decode(token, "token"), StandardCharsets.US_ASCII)).isEqualTo(fixture.tokenValue);
        Secret scrape = client.secrets().inNamespace("observability").withName("stellaops-prometheus-scrape").get();
        assertThat(decode(scrape, "prometheus-additional.yaml"))
                .isEqualTo(Files.readAllBytes(Path.of(BootstrapFixture.SAMPLE, "storage/prometheus.yaml")));
        ConfigMap loki = client.configMaps().inNamespace("observability").withName("stellaops-loki-tenant-overrides").get();
        assertThat(loki.getData().get("overrides.yaml"))
                .isEqualTo(Files.readString(Path.of(BootstrapFixture.SAMPLE, "storage/tenants/loki-overrides.yaml")));
        ConfigMap tempo = client.configMaps().inNamespace("observability").withName("tempo-tenant-overrides").get();
        assertThat(tempo.getData()).containsOnlyKeys("tempo-overrides.yaml");
        assertThat(tempo.getMetadata().getAnnotations()).containsEntry("airlock.stellaops.io/source", "folder")
                .containsKey("airlock.stellaops.io/bundle-sha256");

        int before = cluster.dispatcher().requests().size();
        CliRunner.Result second = fixture.run(fixture.args("apply"));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("unchanged  Secret observability/stellaops-otel-tls-stage")
                .contains("Summary:    6 unchanged");
        assertThat(writesSince(before)).isEmpty();
        assertThat(cluster.dispatcher().requests().subList(before, cluster.dispatcher().requests().size()))
                .allMatch(r -> r.startsWith("GET "));
    }

    @Test
    void aChangedCertificateUpdatesExactlyOneKey() throws Exception {
        assertThat(fixture.run(fixture.args("apply")).exitCode()).isZero();
        Path renewed = TestMaterial.tls(dir.resolve("renewed"), "stellaops-otel-collector.observability.svc", Duration.ofDays(90));
        Files.copy(renewed.resolve("tls.crt"), fixture.tls.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING);

        int before = cluster.dispatcher().requests().size();
        CliRunner.Result result = fixture.run(fixture.args("apply", "--json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.path("summary").asText()).isEqualTo("1 updated, 5 unchanged");
        List<String> changed = new java.util.ArrayList<>();
        for (JsonNode object : report.path("objects")) {
            for (JsonNode key : object.path("keys")) {
                if (!key.path("change").asText().equals("unchanged")) {
                    changed.add(object.path("name").asText() + "/" + key.path("key").asText() + ":" + key.path("change").asText());
                }
            }
        }
        assertThat(changed).containsExactly("stellaops-otel-tls-stage/tls.crt:changed");
        JsonNode tls = report.path("objects").get(1);
        assertThat(tls.path("action").asText()).isEqualTo("update");
        assertThat(tls.path("outcome").asText()).isEqualTo("applied");
        JsonNode crt = tls.path("keys").get(1);
        assertThat(crt.path("key").asText()).isEqualTo("tls.crt");
        assertThat(crt.path("liveSha256").asText()).hasSize(64).isNotEqualTo(crt.path("desiredSha256").asText());
        assertThat(writesSince(before)).singleElement().asString()
                .startsWith("PATCH /api/v1/namespaces/observability/secrets/stellaops-otel-tls-stage?fieldManager=airlock");
        Secret live = client.secrets().inNamespace("observability").withName("stellaops-otel-tls-stage").get();
        assertThat(decode(live, "tls.crt")).isEqualTo(Files.readAllBytes(renewed.resolve("tls.crt")));

        CliRunner.Result text = fixture.run(fixture.args("apply", "--dry-run"));
        assertThat(text.out()).contains("Dry run:    6 unchanged");
    }

    @Test
    void aForeignObjectIsLeftAloneAndReportedUntilOwnershipIsTaken() throws Exception {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("observability").endMetadata().build()).create();
        client.secrets().inNamespace("observability").resource(new SecretBuilder().withNewMetadata()
                .withName("stellaops-prometheus-token").withNamespace("observability").endMetadata()
                .addToData("token", Base64.getEncoder().encodeToString("someone else's".getBytes(StandardCharsets.UTF_8)))
                .build()).create();

        int before = cluster.dispatcher().requests().size();
        CliRunner.Result refused = fixture.run(fixture.args("apply"));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.CLUSTER);
        assertThat(refused.err()).contains("Secret observability/stellaops-prometheus-token exists but not labelled"
                + " app.kubernetes.io/managed-by=airlock; nothing was applied").contains("--take-ownership");
        assertThat(refused.out()).contains("foreign     Secret observability/stellaops-prometheus-token".replace("foreign     ", "foreign    "))
                .contains("refused").contains("exists     Namespace observability");
        assertThat(cluster.dispatcher().requests().subList(before, cluster.dispatcher().requests().size()))
                .as("refused before anything is sent").allMatch(r -> r.startsWith("GET "));
        Secret untouched = client.secrets().inNamespace("observability").withName("stellaops-prometheus-token").get();
        assertThat(new String(decode(untouched, "token"), StandardCharsets.UTF_8)).isEqualTo("someone else's");
        assertThat(client.secrets().inNamespace("observability").withName("stellaops-otel-tls-stage").get()).isNull();

        CliRunner.Result taken = fixture.run(fixture.args("apply", "--take-ownership"));
        assertThat(taken.exitCode()).as(taken.err()).isZero();
        assertThat(taken.out()).contains("take-over  Secret observability/stellaops-prometheus-token")
                .contains("~ label app.kubernetes.io/managed-by: (none) -> airlock");
        Secret owned = client.secrets().inNamespace("observability").withName("stellaops-prometheus-token").get();
        assertThat(owned.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "airlock");
        assertThat(new String(decode(owned, "token"), StandardCharsets.US_ASCII)).isEqualTo(fixture.tokenValue);
        Namespace namespace = client.namespaces().withName("observability").get();
        assertThat(namespace.getMetadata().getLabels()).as("an existing namespace is never modified")
                .doesNotContainKey("app.kubernetes.io/managed-by");
    }

    @Test
    void aDryRunChangesNothingAndSaysWhatTheServerCouldNotCheckYet() throws Exception {
        CliRunner.Result result = fixture.run(fixture.args("apply", "--dry-run", "--json"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.path("outcome").asText()).isEqualTo("dry-run");
        assertThat(report.path("summary").asText()).isEqualTo("6 would be created");
        assertThat(report.path("objects").get(0).path("outcome").asText()).isEqualTo("checked");
        assertThat(report.path("objects").get(1).path("outcome").asText()).isEqualTo("unchecked");
        assertThat(report.path("objects").get(1).path("detail").asText()).contains("namespace observability does not exist yet");
        assertThat(client.namespaces().withName("observability").get()).isNull();
        assertThat(cluster.dispatcher().requests()).filteredOn(r -> r.startsWith("PATCH"))
                .allMatch(r -> r.contains("dryRun=All")).isNotEmpty();
    }

    @Test
    void namesComeFromTheOverridesFileAndTheNamespaceFromTheOption() throws Exception {
        Path names = Files.writeString(dir.resolve("names.yaml"), "tokenSecret: prom-bearer\ntempoOverrides: tempo-limits\n");
        CliRunner.Result result = fixture.run(fixture.args("apply", "--namespace", "telemetry", "--name-overrides",
                names.toString()));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(client.secrets().inNamespace("telemetry").withName("prom-bearer").get()).isNotNull();
        assertThat(client.configMaps().inNamespace("telemetry").withName("tempo-limits").get()).isNotNull();
        assertThat(client.secrets().inNamespace("telemetry").withName("stellaops-otel-tls-stage").get()).isNotNull();
        assertThat(client.namespaces().withName("telemetry").get()).isNotNull();
    }

    private static byte[] decode(Secret secret, String key) {
        Map<String, String> data = secret.getData();
        return Base64.getDecoder().decode(data.get(key));
    }
}
