package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.cluster.MockCluster;
import io.stellaops.airlock.app.cluster.TestMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is refused before any request is sent: the mock API (fabric8's kubernetes-server-mock in
 * CRUD mode, standing in for the API server this machine does not have) must have received nothing.
 */
class ClusterInputRefusalTest {
    @TempDir
    Path dir;

    private MockCluster cluster;
    private BootstrapFixture fixture;

    @BeforeEach
    void start() throws Exception {
        cluster = new MockCluster();
        fixture = new BootstrapFixture(dir, cluster);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private CliRunner.Result refused(int exitCode, String... args) throws Exception {
        CliRunner.Result result = fixture.run(args);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.err()).startsWith("airlock: ");
        assertThat(cluster.dispatcher().requests()).as("no request may reach the cluster").isEmpty();
        return result;
    }

    @Test
    void anExpiredToken() throws Exception {
        String expired = TestMaterial.prometheusToken(Instant.now().minus(Duration.ofDays(1)));
        Files.writeString(fixture.token, expired);
        CliRunner.Result result = CliRunner.run(fixture.args("apply"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_VALID_NOW);
        assertThat(result.err()).contains("prometheus-stage.token expired at").contains("stella authority token issue");
        for (String part : expired.split("\\.")) {
            assertThat(result.err() + result.out()).doesNotContain(part);
        }
        assertThat(cluster.dispatcher().requests()).isEmpty();
    }

    @Test
    void aTokenWithoutObsRead() throws Exception {
        String token = TestMaterial.jwt(TestMaterial.payload(Instant.now().plus(Duration.ofDays(9)), "\"observability\"",
                "\"obs:traces\"", Map.of()));
        Files.writeString(fixture.token, token);
        CliRunner.Result result = CliRunner.run(fixture.args("apply"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).contains("lacks scope obs:read (it has obs:traces)");
        for (String part : token.split("\\.")) {
            assertThat(result.err() + result.out()).doesNotContain(part);
        }
        assertThat(cluster.dispatcher().requests()).isEmpty();
    }

    @Test
    void aMissingTlsFile() throws Exception {
        Files.delete(fixture.tls.resolve("ca.crt"));
        assertThat(refused(ExitCodes.UNREADABLE, fixture.args("apply")).err()).contains("TLS file").contains("ca.crt does not exist");
    }

    @Test
    void aKeyFileThatIsNotAKeyAndAnExpiredCertificate() throws Exception {
        Files.writeString(fixture.tls.resolve("tls.key"), "not a key\n");
        assertThat(refused(ExitCodes.REFUSED, fixture.args("apply")).err()).contains("tls.key is not a PEM private key");
        Path old = dir.resolve("old");
        TestMaterial.tls(old, "collector", Duration.ofDays(-1));
        for (String name : new String[] {"ca.crt", "tls.crt", "tls.key"}) {
            Files.copy(old.resolve(name), fixture.tls.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(refused(ExitCodes.NOT_VALID_NOW, fixture.args("apply")).err()).contains("expired at").contains("renew it");
    }

    @Test
    void aMissingKubeconfig() throws Exception {
        assertThat(refused(ExitCodes.UNREADABLE, fixture.args("apply", "--kubeconfig", dir.resolve("nope.yaml").toString()))
                .err()).contains("kubeconfig").contains("nope.yaml does not exist");
    }

    @Test
    void anUnknownContext() throws Exception {
        assertThat(refused(ExitCodes.USAGE, fixture.args("apply", "--context", "prod")).err())
                .contains("context 'prod' is not in kubeconfig").contains("(it has: mock, dead)");
    }

    @Test
    void aMalformedKubeconfigIsNotQuoted() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "users: [ {user: {token: hunter2-credential\n");
        CliRunner.Result result = refused(ExitCodes.REFUSED, fixture.args("apply", "--kubeconfig", broken.toString()));
        assertThat(result.err()).contains("cannot be read as a kubeconfig file").doesNotContain("hunter2");
    }

    @Test
    void badNamesAndSourcesAndOptions() throws Exception {
        refused(ExitCodes.USAGE, fixture.args("apply", "--namespace", "Not_A_Namespace"));
        Path names = Files.writeString(dir.resolve("names.yaml"), "tokenSecret: Bad Name\n");
        assertThat(refused(ExitCodes.REFUSED, fixture.args("apply", "--name-overrides", names.toString())).err())
                .contains("tokenSecret must be a Kubernetes object name");
        Files.writeString(names, "prometheusSecret: x\n");
        assertThat(refused(ExitCodes.REFUSED, fixture.args("apply", "--name-overrides", names.toString())).err())
                .contains("unknown key 'prometheusSecret'");
        assertThat(refused(ExitCodes.UNREADABLE, fixture.args("apply", "--source", dir.toString())).err())
                .contains("has no storage/prometheus.yaml");
        assertThat(refused(ExitCodes.UNREADABLE, fixture.args("apply", "--kit", dir.toString())).err())
                .contains("has no telemetry/ folder");
        refused(ExitCodes.USAGE, fixture.args("apply", "--timeout", "0"));
        refused(ExitCodes.USAGE, "cluster", "apply", "--tls", fixture.tls.toString(), "--token", fixture.token.toString());
    }
}
