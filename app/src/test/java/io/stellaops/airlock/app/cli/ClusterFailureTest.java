package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stellaops.airlock.app.cluster.MockCluster;
import io.stellaops.airlock.app.cluster.TestMaterial;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API failures during {@code cluster apply}: 403, 409 and 500 injected into fabric8's
 * kubernetes-server-mock (CRUD mode, see {@code ApplyCrudDispatcher}; there is no Kubernetes API
 * server for this machine), a socket that accepts and never answers, and a port nothing listens on.
 * Each ends with exit 12, a message naming what was and was not applied, and no secret in the
 * output; running again after the failure completes the plan.
 */
class ClusterFailureTest {
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

    @Test
    void aForbiddenWriteStopsTheRunSaysWhatWasAppliedAndARerunCompletesIt() throws Exception {
        cluster.dispatcher().fail("PATCH", "/secrets/stellaops-prometheus-token", false, 403);
        CliRunner.Result failed = fixture.run(fixture.args("apply", "--json"));
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.CLUSTER);
        assertThat(failed.err()).contains("airlock: apply: applying Secret observability/stellaops-prometheus-token failed:"
                + " HTTP 403 Forbidden: injected 403 by the test").contains("2 object(s) applied, the rest not")
                .contains("run the same command again");
        JsonNode report = JSON.readTree(failed.out());
        assertThat(report.path("outcome").asText()).isEqualTo("failed");
        assertThat(outcomes(report)).containsExactly("Namespace observability=applied",
                "stellaops-otel-tls-stage=applied", "stellaops-prometheus-token=failed",
                "stellaops-prometheus-scrape=not-applied", "stellaops-loki-tenant-overrides=not-applied",
                "tempo-tenant-overrides=not-applied");
        assertThat(client.secrets().inNamespace("observability").withName("stellaops-otel-tls-stage").get()).isNotNull();
        assertThat(client.secrets().inNamespace("observability").withName("stellaops-prometheus-token").get()).isNull();

        cluster.dispatcher().clearFaults();
        CliRunner.Result rerun = fixture.run(fixture.args("apply"));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("unchanged  Secret observability/stellaops-otel-tls-stage")
                .contains("Summary:    4 created, 2 unchanged");
        assertThat(client.configMaps().inNamespace("observability").withName("tempo-tenant-overrides").get()).isNotNull();
    }

    @Test
    void aConflictInTheServerDryRunAppliesNothing() throws Exception {
        assertThat(fixture.run(fixture.args("apply")).exitCode()).isZero();
        Path renewed = TestMaterial.tls(dir.resolve("renewed"), "collector", Duration.ofDays(30));
        Files.copy(renewed.resolve("tls.crt"), fixture.tls.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(fixture.token, TestMaterial.prometheusToken(java.time.Instant.now().plus(Duration.ofDays(20))));
        cluster.dispatcher().fail("PATCH", "/secrets/stellaops-prometheus-token", true, 409);
        String before = tlsCrtOnCluster();

        CliRunner.Result failed = CliRunner.run(fixture.args("apply"));
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.CLUSTER);
        assertThat(failed.err()).contains("the server dry run of Secret observability/stellaops-prometheus-token failed:"
                + " HTTP 409 Conflict").contains("nothing was applied");
        assertThat(failed.out()).contains("update     Secret observability/stellaops-otel-tls-stage").contains("not-applied");
        assertThat(tlsCrtOnCluster()).as("the dry run came first: nothing changed").isEqualTo(before);
    }

    @Test
    void aServerErrorWhileReadingAppliesNothing() throws Exception {
        cluster.dispatcher().fail("GET", "/configmaps/stellaops-loki-tenant-overrides", true, 500);
        CliRunner.Result failed = fixture.run(fixture.args("apply"));
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.CLUSTER);
        assertThat(failed.err()).contains("cannot read ConfigMap observability/stellaops-loki-tenant-overrides from "
                + cluster.url()).contains("HTTP 500").contains("nothing was applied");
        assertThat(cluster.dispatcher().requests()).allMatch(r -> r.startsWith("GET "));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path kubeconfig = MockCluster.writeKubeconfig(dir.resolve("silent-kubeconfig"),
                    "http://127.0.0.1:" + silent.getLocalPort());
            long start = System.nanoTime();
            CliRunner.Result failed = fixture.run(fixture.args("apply", "--kubeconfig", kubeconfig.toString(), "--timeout", "1"));
            assertThat(failed.exitCode()).isEqualTo(ExitCodes.CLUSTER);
            assertThat(failed.err()).contains("cannot read Namespace observability").contains("did not answer within 1s")
                    .contains("nothing was applied");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void anUnreachableServerIsNamed() throws Exception {
        CliRunner.Result failed = fixture.run(fixture.args("apply", "--context", MockCluster.DEAD_CONTEXT, "--timeout", "2"));
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.CLUSTER);
        assertThat(failed.err()).contains("cannot connect to the API server http://127.0.0.1:").contains("nothing was applied");
        assertThat(cluster.dispatcher().requests()).isEmpty();
    }

    @Test
    void aServerMessageThatEchoesSecretValuesIsScrubbed() throws Exception {
        String key = Files.readString(fixture.tls.resolve("tls.key"));
        String keyLine = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        cluster.dispatcher().fail("PATCH", "/secrets/", true, 422, "Secret is invalid: data[token]: Invalid value: \""
                + fixture.tokenValue + "\", data[tls.key]: \"" + keyLine + "\"");
        CliRunner.Result failed = fixture.run(fixture.args("apply", "--json"));
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.CLUSTER);
        assertThat(failed.err()).contains("HTTP 422 Invalid: Secret is invalid: data[token]: Invalid value: \"<redacted>\"")
                .contains("data[tls.key]: \"<redacted>\"");
        assertThat(JSON.readTree(failed.out()).path("objects").get(1).path("detail").asText()).contains("<redacted>");
    }

    private String tlsCrtOnCluster() {
        return client.secrets().inNamespace("observability").withName("stellaops-otel-tls-stage").get().getData().get("tls.crt");
    }

    private static List<String> outcomes(JsonNode report) {
        List<String> list = new ArrayList<>();
        for (JsonNode object : report.path("objects")) {
            String name = object.path("kind").asText().equals("Namespace") ? "Namespace " + object.path("name").asText()
                    : object.path("name").asText();
            list.add(name + "=" + object.path("outcome").asText());
        }
        return list;
    }
}
