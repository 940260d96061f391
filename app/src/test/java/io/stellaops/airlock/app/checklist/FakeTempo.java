package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * A stand-in for Grafana Tempo (no Tempo package exists on this machine), serving over mTLS the
 * documented endpoints the checklist uses: {@code GET /ready} and {@code GET /api/search/tags}
 * ({@code {"tagNames": [...]}}), multi-tenant by {@code X-Scope-OrgID} (401 without it).
 */
final class FakeTempo implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestHttpsServer server;
    private final Set<String> active;
    volatile FakeLoki.Mode ready = FakeLoki.Mode.NORMAL;

    private FakeTempo(TestHttpsServer server, Set<String> active) {
        this.server = server;
        this.active = active;
    }

    static FakeTempo start(ChecklistTls tls, Set<String> active) throws Exception {
        TestHttpsServer server = TestHttpsServer.start(tls.serverCertificate(), tls.serverKey(), tls.ca(), true);
        FakeTempo tempo = new FakeTempo(server, active);
        server.handle("/ready", tempo::ready).handle("/api/search/tags", tempo::tags);
        return tempo;
    }

    URI uri() {
        return server.uri();
    }

    private void ready(HttpExchange exchange) throws IOException {
        switch (ready) {
            case HANG -> server.hang().handle(exchange);
            case ERROR -> TestHttpsServer.send(exchange, 503, "text/plain", "Ingester not ready");
            default -> TestHttpsServer.send(exchange, 200, "text/plain", "ready\n");
        }
    }

    private void tags(HttpExchange exchange) throws IOException {
        String tenant = exchange.getRequestHeaders().getFirst("X-Scope-OrgID");
        if (tenant == null) {
            TestHttpsServer.send(exchange, 401, "text/plain", "no org id\n");
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        var names = body.putArray("tagNames");
        if (active.contains(tenant)) {
            names.add("service.name").add("tenant.id");
        }
        TestHttpsServer.send(exchange, 200, "application/json", body.toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
