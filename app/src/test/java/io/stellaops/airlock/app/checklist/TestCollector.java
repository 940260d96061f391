package io.stellaops.airlock.app.checklist;

/**
 * The OpenTelemetry collector's Prometheus exporter as Prometheus scrapes it: {@code /metrics} in
 * the text exposition format over mTLS (no collector package exists on this machine).
 */
final class TestCollector {
    static final String METRICS = """
            # HELP otelcol_process_uptime Uptime of the process
            # TYPE otelcol_process_uptime counter
            otelcol_process_uptime{service_instance_id="a1",service_name="otelcol-contrib"} 1234.5
            # HELP otelcol_exporter_sent_spans Number of spans successfully sent to destination.
            # TYPE otelcol_exporter_sent_spans counter
            otelcol_exporter_sent_spans{exporter="otlp/tempo",tenant_id="tenant-a"} 42
            otelcol_exporter_sent_spans{exporter="otlp/tempo",tenant_id="tenant-b"} 7
            """;

    private TestCollector() {
    }

    static TestHttpsServer start(ChecklistTls tls, boolean requireClientCertificate) throws Exception {
        return TestHttpsServer.start(tls.serverCertificate(), tls.serverKey(), tls.ca(), requireClientCertificate)
                .handle("/metrics", exchange -> TestHttpsServer.send(exchange, 200, "text/plain; version=0.0.4", METRICS));
    }
}
