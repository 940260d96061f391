package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The real Prometheus of Debian's {@code prometheus} package, started on 127.0.0.1 and a free port
 * with a web config that requires client certificates of the test CA
 * ({@code client_auth_type: RequireAndVerifyClientCert}), a temporary TSDB, a scrape job
 * {@code stellaops-otel-collector} over mTLS to the test collector and optionally the bundle's rule
 * file. {@link #start} waits (bounded) until {@code /-/ready} answers over mTLS and the target is up.
 * {@link #close()} kills the process; use it in try-with-resources or an {@code @AfterAll}.
 */
final class PrometheusProcess implements AutoCloseable {
    static final String BINARY = "/usr/bin/prometheus";
    private static final Duration START = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @param rules the rule file to load, or empty for none */
    static PrometheusProcess start(Path dir, ChecklistTls tls, int collectorPort, Optional<Path> rules) throws Exception {
        Files.createDirectories(dir);
        Path web = dir.resolve("web.yml");
        Files.writeString(web, "tls_server_config:\n"
                + "  cert_file: " + tls.serverCertificate() + "\n"
                + "  key_file: " + tls.serverKey() + "\n"
                + "  client_ca_file: " + tls.ca() + "\n"
                + "  client_auth_type: RequireAndVerifyClientCert\n"
                + "  min_version: TLS12\n", UTF_8);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + rules.map(r -> "rule_files:\n  - " + r + "\n").orElse("")
                + "scrape_configs:\n"
                + "  - job_name: stellaops-otel-collector\n"
                + "    scheme: https\n    scrape_interval: 1s\n    scrape_timeout: 1s\n"
                + "    tls_config:\n"
                + "      ca_file: " + tls.ca() + "\n"
                + "      cert_file: " + tls.clientCertificate() + "\n"
                + "      key_file: " + tls.clientKey() + "\n"
                + "      min_version: TLS12\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + collectorPort + "']\n", UTF_8);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = dir.resolve("prometheus-" + attempt + ".log");
            Process process = new ProcessBuilder(BINARY, "--config.file=" + config, "--web.config.file=" + web,
                    "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.path=" + dir.resolve("data-" + attempt),
                    "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PrometheusProcess prometheus = new PrometheusProcess(process, port, log);
            try {
                prometheus.awaitReady(tls);
                return prometheus;
            } catch (IOException e) {
                prometheus.close();
                last = e;
            }
        }
        throw last;
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + port);
    }

    String log() throws IOException {
        return Files.readString(log, UTF_8);
    }

    private void awaitReady(ChecklistTls tls) throws Exception {
        ClientTlsContexts contexts = ClientTlsContexts.load(new ChecklistConfig.ClientTls(tls.ca(), tls.clientCertificate(),
                tls.clientKey(), Optional.empty(), Optional.empty(), true, Duration.ofDays(1)));
        HttpProbe probe = new HttpProbe(contexts, Duration.ofSeconds(2));
        Instant deadline = Instant.now().plus(START);
        String last = "not asked";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("prometheus exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                EvidenceLog evidence = new EvidenceLog(java.time.Clock.systemUTC());
                probe.get(uri().resolve("/-/ready"), Map.of(), evidence).expect(200);
                String targets = probe.get(uri().resolve("/api/v1/targets"), Map.of(), evidence).expect(200).text();
                if (targets.contains("\"health\":\"up\"")) {
                    return;
                }
                last = targets;
            } catch (ProbeException e) {
                last = e.getMessage();
            }
            Thread.sleep(200);
        }
        throw new IOException("prometheus was not ready with its target up within " + START.toSeconds() + " s: " + last
                + "\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
