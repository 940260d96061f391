package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.cluster.MockCluster;
import io.stellaops.airlock.app.cluster.TestMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Inputs of a cluster bootstrap (TLS folder, Authority token, sample source folder, kubeconfig of a
 * {@link MockCluster}) and a runner that checks every run for secret hygiene: no token, no part of
 * it, no line of tls.key and neither in base64 may appear in standard output or error.
 */
final class BootstrapFixture {
    static final String SAMPLE = System.getProperty("airlock.sample.dir");

    final Path dir;
    final Path tls;
    final Path token;
    final Path kubeconfig;
    final String tokenValue;

    BootstrapFixture(Path dir, MockCluster cluster) throws Exception {
        this.dir = dir;
        this.tls = TestMaterial.tls(dir.resolve("tls"), "stellaops-otel-collector.observability.svc", Duration.ofDays(90));
        this.tokenValue = TestMaterial.prometheusToken(Instant.now().plus(Duration.ofDays(30)));
        this.token = TestMaterial.writeToken(dir.resolve("prometheus-stage.token"), tokenValue);
        this.kubeconfig = cluster == null ? dir.resolve("no-kubeconfig") : cluster.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    /** {@code cluster COMMAND --tls .. --token .. --source SAMPLE EXTRA...}, plus --kubeconfig for apply. */
    String[] args(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of("cluster", command, "--tls", tls.toString(), "--token", token.toString()));
        if (!List.of(extra).contains("--kit") && !List.of(extra).contains("--source")) {
            args.addAll(List.of("--source", SAMPLE));
        }
        if (command.equals("apply") && !List.of(extra).contains("--kubeconfig")) {
            args.addAll(List.of("--kubeconfig", kubeconfig.toString()));
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Runs the command line and checks its output for secrets. */
    CliRunner.Result run(String... args) throws Exception {
        CliRunner.Result result = CliRunner.run(args);
        assertNoSecrets(result.out());
        assertNoSecrets(result.err());
        return result;
    }

    void assertNoSecrets(String text) throws Exception {
        for (String secret : secrets()) {
            assertThat(text).as("output must not contain secret material").doesNotContain(secret);
        }
    }

    /** The token, its payload and signature parts, tls.key whole and per line, and their base64 forms. */
    List<String> secrets() throws Exception {
        List<String> secrets = new ArrayList<>();
        secrets.add(tokenValue);
        String[] parts = tokenValue.split("\\.");
        secrets.add(parts[1]);
        secrets.add(parts[2]);
        secrets.add(Base64.getEncoder().encodeToString(tokenValue.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = Files.readAllBytes(tls.resolve("tls.key"));
        secrets.add(new String(key, StandardCharsets.US_ASCII).strip());
        secrets.add(Base64.getEncoder().encodeToString(key));
        for (String line : new String(key, StandardCharsets.US_ASCII).split("\n")) {
            if (!line.startsWith("-----") && line.length() >= 16) {
                secrets.add(line);
            }
        }
        return secrets;
    }
}
