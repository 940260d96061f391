package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stellaops.airlock.app.cluster.MockCluster;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.kit.KitStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster plan}: the objects, digests and sources of a plan, from a folder or a kit; help text. */
class ClusterPlanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPlanFromTheSampleFolderListsObjectsKeysAndDigestsOnly() throws Exception {
        BootstrapFixture fixture = new BootstrapFixture(dir, null);
        CliRunner.Result text = fixture.run(fixture.args("plan"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Namespace:  observability")
                .contains("Token:      expires").contains("audience observability, scopes obs:read")
                .contains("decoded, not verified")
                .contains("Secret observability/stellaops-otel-tls-stage").contains("Secret observability/stellaops-prometheus-token")
                .contains("Secret observability/stellaops-prometheus-scrape").contains("ConfigMap observability/stellaops-loki-tenant-overrides")
                .contains("ConfigMap observability/tempo-tenant-overrides").contains("Nothing was sent.")
                .contains("sha256 " + sha256(Files.readAllBytes(fixture.tls.resolve("tls.key"))));

        CliRunner.Result json = fixture.run(fixture.args("plan", "--json"));
        JsonNode plan = JSON.readTree(json.out());
        assertThat(plan.path("token").path("signatureVerified").asBoolean()).isFalse();
        assertThat(plan.path("objects")).hasSize(6);
        JsonNode scrape = plan.path("objects").get(3);
        assertThat(scrape.path("name").asText()).isEqualTo("stellaops-prometheus-scrape");
        assertThat(scrape.path("keys").get(0).path("key").asText()).isEqualTo("prometheus-additional.yaml");
        assertThat(scrape.path("keys").get(0).path("sha256").asText())
                .isEqualTo(sha256(Files.readAllBytes(Path.of(BootstrapFixture.SAMPLE, "storage/prometheus.yaml"))));
        assertThat(scrape.path("labels").path("app.kubernetes.io/managed-by").asText()).isEqualTo("airlock");
        // The folder digest: sha256 of the sha256sum listing of the three files, as documented.
        StringBuilder listing = new StringBuilder();
        for (String file : new String[] {"storage/prometheus.yaml", "storage/tenants/loki-overrides.yaml",
            "storage/tenants/tempo-overrides.yaml"}) {
            listing.append(sha256(Files.readAllBytes(Path.of(BootstrapFixture.SAMPLE, file)))).append("  ").append(file).append('\n');
        }
        assertThat(plan.path("source").path("bundleSha256").asText())
                .isEqualTo(sha256(listing.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.path("source").path("annotation").asText()).isEqualTo("folder");
    }

    @Test
    void aPlanFromAKitTakesTheActiveBundleAndItsArchiveDigest() throws Exception {
        Path bundle = dir.resolve("telemetry-offline-bundle-1.0.0.tar.gz");
        assertOk(CliRunner.run("bundle", "build", "--source", BootstrapFixture.SAMPLE, "--out", bundle.toString(),
                "--version", "1.0.0", "--generation", "7"));
        Files.createDirectories(dir.resolve("keys"));
        assertOk(CliRunner.run("keys", "generate", "--type", "ed25519", "--out", dir.resolve("keys/alice").toString()));
        assertOk(CliRunner.run("bundle", "sign", bundle.toString(), "--key", dir.resolve("keys/alice.key.pem").toString()));
        Files.createDirectories(dir.resolve("trust"));
        Files.copy(dir.resolve("keys/alice.pub.pem"), dir.resolve("trust/alice.pub.pem"));
        Path kit = Files.createDirectories(dir.resolve("kit"));
        assertOk(CliRunner.run("kit", "import", bundle.toString(), "--kit", kit.toString(), "--trust", dir.resolve("trust").toString()));
        String archiveSha256 = new KitStateStore(new KitLayout(kit)).read().active().orElseThrow().archiveSha256();

        try (MockCluster cluster = new MockCluster(); KubernetesClient client = cluster.client()) {
            BootstrapFixture fixture = new BootstrapFixture(dir.resolve("inputs"), cluster);
            CliRunner.Result plan = fixture.run(fixture.args("plan", "--kit", kit.toString(), "--json"));
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            JsonNode source = JSON.readTree(plan.out()).path("source");
            assertThat(source.path("bundleSha256").asText()).isEqualTo(archiveSha256);
            assertThat(source.path("annotation").asText()).isEqualTo("kit:7-1.0.0");
            assertThat(source.path("description").asText()).contains("active generation 7 (telemetry-offline-bundle 1.0.0)");

            CliRunner.Result apply = fixture.run(fixture.args("apply", "--kit", kit.toString()));
            assertThat(apply.exitCode()).as(apply.err()).isZero();
            assertThat(client.configMaps().inNamespace("observability").withName("stellaops-loki-tenant-overrides").get()
                    .getMetadata().getAnnotations()).containsEntry("airlock.stellaops.io/bundle-sha256", archiveSha256)
                    .containsEntry("airlock.stellaops.io/source", "kit:7-1.0.0");
        }
    }

    @Test
    void aKitWithoutAnActiveBundleIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("kit/telemetry"));
        BootstrapFixture fixture = new BootstrapFixture(dir.resolve("inputs"), null);
        CliRunner.Result result = fixture.run(fixture.args("plan", "--kit", dir.resolve("kit").toString()));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(result.err()).contains("has no active bundle; import one with 'airlock kit import'");
    }

    @Test
    void theHelpOfEveryClusterCommandShowsTheAuthorityCommands() {
        for (String command : new String[] {"plan", "apply", "export"}) {
            CliRunner.Result help = CliRunner.run("cluster", command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out().replaceAll(" \\\\\\R\\s+", " ")).contains("stella authority client create observability-prometheus --scopes obs:read"
                    + " --audience observability --description \"Prometheus collector scrape\"")
                    .contains("stella authority client create observability-loki --scopes obs:logs timeline:read")
                    .contains("stella authority client create observability-tempo --scopes obs:traces")
                    .contains("stella authority token issue observability-prometheus --ttl 30d > prometheus-stage.token");
        }
        assertThat(CliRunner.run("cluster", "apply", "--help").out()).contains("--take-ownership").contains("--dry-run")
                .contains("--kubeconfig").contains("--context");
        assertThat(CliRunner.run("cluster").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static void assertOk(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
