package io.stellaops.airlock.app.checklist;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The servers of the checklist tests for tests outside this package (the wizard's): the Debian
 * {@code prometheus} binary on 127.0.0.1 requiring client certificates of a fresh dev CA and
 * scraping the test collector over mTLS with the bundle's rules loaded, and the Loki and Tempo
 * stand-ins ({@link FakeLoki}, {@link FakeTempo}: no package exists here). All on free ports;
 * {@link #close()} stops them.
 */
public final class ChecklistServers implements AutoCloseable {
    private final ChecklistTls tls;
    private final TestHttpsServer collector;
    private final FakeLoki loki;
    private final FakeTempo tempo;
    private final PrometheusProcess prometheus;

    private ChecklistServers(ChecklistTls tls, TestHttpsServer collector, FakeLoki loki, FakeTempo tempo,
            PrometheusProcess prometheus) {
        this.tls = tls;
        this.collector = collector;
        this.loki = loki;
        this.tempo = tempo;
        this.prometheus = prometheus;
    }

    public static ChecklistServers start(Path dir) throws Exception {
        ChecklistTls tls = ChecklistTls.create(dir.resolve("tls"));
        TestHttpsServer collector = TestCollector.start(tls, true);
        FakeLoki loki = FakeLoki.start(tls, ChecklistPrometheusTest.TENANTS);
        FakeTempo tempo = FakeTempo.start(tls, ChecklistPrometheusTest.TENANTS);
        PrometheusProcess prometheus = PrometheusProcess.start(dir.resolve("prometheus"), tls, collector.port(),
                Optional.of(ConfigYaml.RULES));
        return new ChecklistServers(tls, collector, loki, tempo, prometheus);
    }

    /** Writes a config under which every automated check passes. */
    public Path writeConfig(Path file) throws Exception {
        return new ConfigYaml(tls)
                .endpoint("prometheus", prometheus.uri())
                .endpoint("collectorMetrics", collector.uri().resolve("/metrics"))
                .endpoint("loki", loki.uri())
                .endpoint("tempo", tempo.uri())
                .retention(ConfigYaml.SAMPLE, "{default: 720h, tenant-a: 2160h, tenant-b: 336h, airlock-smoke: 24h}")
                .rules(ConfigYaml.RULES)
                .timeouts("{request: 4s, check: 30s}")
                .write(file);
    }

    /** Kills Prometheus, as an operator would find it stopped. */
    public void stopPrometheus() {
        prometheus.close();
    }

    public String prometheusAddress() {
        return prometheus.uri().getHost() + ":" + prometheus.uri().getPort();
    }

    @Override
    public void close() {
        for (AutoCloseable server : new AutoCloseable[] {prometheus, collector, loki, tempo}) {
            try {
                server.close();
            } catch (Exception e) {
                // Best effort: the others must still stop.
            }
        }
    }
}
