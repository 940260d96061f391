package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Grafana Loki (no Loki package exists on this machine), serving over mTLS exactly
 * the documented endpoints the checklist uses, multi-tenant by {@code X-Scope-OrgID} (401 without
 * it, as Loki with auth_enabled answers): {@code GET /ready}, {@code GET /loki/api/v1/labels},
 * {@code POST /loki/api/v1/push} (JSON streams, 204) and {@code GET /loki/api/v1/query_range}
 * (stream selectors of exact label matchers only). Pushed lines are kept per tenant in memory.
 */
final class FakeLoki implements AutoCloseable {
    enum Mode { NORMAL, HANG, ERROR, MALFORMED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    private record Line(Map<String, String> labels, String timestamp, String text) {
    }

    private final TestHttpsServer server;
    private final Set<String> active;
    private final Map<String, List<Line>> lines = new ConcurrentHashMap<>();
    volatile Mode labels = Mode.NORMAL;
    volatile Mode ready = Mode.NORMAL;

    private FakeLoki(TestHttpsServer server, Set<String> active) {
        this.server = server;
        this.active = active;
    }

    /** @param active tenants that have data from the start */
    static FakeLoki start(ChecklistTls tls, Set<String> active) throws Exception {
        return start(tls, active, tls.serverCertificate(), tls.serverKey());
    }

    /** With another server certificate (one naming the in-cluster service, for the port-forward tests). */
    static FakeLoki start(ChecklistTls tls, Set<String> active, Path certificate, Path key) throws Exception {
        TestHttpsServer server = TestHttpsServer.start(certificate, key, tls.ca(), true);
        FakeLoki loki = new FakeLoki(server, active);
        server.handle("/ready", loki::ready)
                .handle("/loki/api/v1/labels", loki::labels)
                .handle("/loki/api/v1/push", loki::push)
                .handle("/loki/api/v1/query_range", loki::query);
        return loki;
    }

    URI uri() {
        return server.uri();
    }

    List<String> pushed(String tenant) {
        return lines.getOrDefault(tenant, List.of()).stream().map(Line::text).toList();
    }

    private void ready(HttpExchange exchange) throws IOException {
        switch (ready) {
            case HANG -> server.hang().handle(exchange);
            case ERROR -> TestHttpsServer.send(exchange, 503, "text/plain", "Ingester not ready: waiting for 15s after being ready");
            default -> TestHttpsServer.send(exchange, 200, "text/plain", "ready\n");
        }
    }

    private void labels(HttpExchange exchange) throws IOException {
        String tenant = tenant(exchange);
        if (tenant == null) {
            return;
        }
        switch (labels) {
            case HANG -> server.hang().handle(exchange);
            case ERROR -> TestHttpsServer.send(exchange, 500, "text/plain", "rpc error: code = Unavailable");
            case MALFORMED -> TestHttpsServer.send(exchange, 200, "text/html", "<html><body>Sign in</body></html>");
            default -> {
                ObjectNode body = JSON.createObjectNode().put("status", "success");
                ArrayNode data = body.putArray("data");
                if (active.contains(tenant) || lines.containsKey(tenant)) {
                    data.add("job").add("namespace");
                }
                TestHttpsServer.send(exchange, 200, "application/json", body.toString());
            }
        }
    }

    private void push(HttpExchange exchange) throws IOException {
        String tenant = tenant(exchange);
        if (tenant == null) {
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        for (JsonNode stream : body.path("streams")) {
            Map<String, String> labels = new HashMap<>();
            stream.path("stream").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            for (JsonNode value : stream.path("values")) {
                lines.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>())
                        .add(new Line(labels, value.path(0).asText(), value.path(1).asText()));
            }
        }
        TestHttpsServer.send(exchange, 204, "", "");
    }

    private void query(HttpExchange exchange) throws IOException {
        String tenant = tenant(exchange);
        if (tenant == null) {
            return;
        }
        String query = parameter(exchange.getRequestURI().getRawQuery(), "query");
        Map<String, String> wanted = new HashMap<>();
        Matcher matcher = MATCHER.matcher(query);
        while (matcher.find()) {
            wanted.put(matcher.group(1), matcher.group(2));
        }
        ObjectNode body = JSON.createObjectNode().put("status", "success");
        ObjectNode data = body.putObject("data").put("resultType", "streams");
        ArrayNode result = data.putArray("result");
        for (Line line : lines.getOrDefault(tenant, List.of())) {
            if (line.labels().entrySet().containsAll(wanted.entrySet())) {
                ObjectNode stream = result.addObject();
                line.labels().forEach(stream.putObject("stream")::put);
                stream.putArray("values").addArray().add(line.timestamp()).add(line.text());
            }
        }
        TestHttpsServer.send(exchange, 200, "application/json", body.toString());
    }

    private static String tenant(HttpExchange exchange) throws IOException {
        String tenant = exchange.getRequestHeaders().getFirst("X-Scope-OrgID");
        if (tenant == null || tenant.isEmpty()) {
            TestHttpsServer.send(exchange, 401, "text/plain", "no org id\n");
            return null;
        }
        return tenant;
    }

    private static String parameter(String rawQuery, String name) {
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.close();
    }
}
