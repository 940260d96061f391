package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stellaops.airlock.app.checklist.ChecklistConfig.ClientTls;
import io.stellaops.airlock.app.checklist.ChecklistConfig.ClusterAccess;
import io.stellaops.airlock.app.checklist.ChecklistConfig.Endpoints;
import io.stellaops.airlock.app.checklist.ChecklistConfig.Forward;
import io.stellaops.airlock.app.checklist.ChecklistConfig.OperatorItem;
import io.stellaops.airlock.app.checklist.ChecklistConfig.Retention;
import io.stellaops.airlock.app.checklist.ChecklistConfig.Tenants;
import io.stellaops.airlock.app.checklist.ChecklistConfig.Timeouts;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the checklist's YAML config strictly: unknown fields are refused (a typo must not silently
 * skip a check), paths are resolved against the file's folder, URLs must be https. Every field but
 * {@code tls.ca}, {@code tls.cert} and {@code tls.key} is optional; see {@code docs/checklist.md}.
 * <pre>
 * endpoints: {prometheus: URL, collectorMetrics: URL, loki: URL, tempo: URL} (each URL or {service|pod, port, ...}: see ClusterConfigReader)
 * tls: {ca: FILE, cert: FILE, key: FILE, serverCert: FILE, live: DIR, requireClientCertificate: true, expiryWindowDays: 30}
 * prometheus: {job: stellaops-otel-collector, tokenFile: FILE}
 * tenants: {header: X-Scope-OrgID, ids: [default, tenant-a]}
 * retention: {overrides: DIR, expected: {default: 720h}, testTenant: airlock-smoke}
 * alerts: {rules: FILE}
 * cluster: {kubeconfig: FILE, context: NAME, namespace: observability, tlsSecret: stellaops-otel-tls-stage}
 * operatorItems: [{id: slo-evaluator, title: TEXT}]
 * timeouts: {request: 5s, check: 60s}
 * </pre>
 */
public final class ChecklistConfigLoader {
    public static final String DEFAULT_JOB = "stellaops-otel-collector";
    public static final String DEFAULT_TENANT_HEADER = "X-Scope-OrgID";
    public static final String DEFAULT_TEST_TENANT = "airlock-smoke";
    public static final int DEFAULT_EXPIRY_WINDOW_DAYS = 30;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(60);
    /** The runbook's items that need a person, used when the config lists none. */
    public static final List<OperatorItem> DEFAULT_OPERATOR_ITEMS = List.of(
            new OperatorItem("slo-evaluator", "Alerts wired into SLO evaluator (DEVOPS-OBS-51-001)"),
            new OperatorItem("retention-expiry", "Retention expiry verified: sample data of the test tenant is gone"
                    + " once its retention period has passed"));

    /** Loki's documented tenant id characters; also safe as a header value. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9!._*'()-]{1,150}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(30);

    private ChecklistConfigLoader() {
    }

    /**
     * @throws BundleException {@link Failure#UNREADABLE} for a missing file, {@link Failure#REFUSED}
     *                         naming the field that is malformed or unknown
     */
    public static ChecklistConfig load(Path file) throws BundleException {
        JsonFields json = new JsonFields(String.valueOf(file.getFileName()));
        JsonNode root = json.object(StrictYaml.read(file, json), "config");
        json.only(root, "config", Set.of("endpoints", "tls", "prometheus", "tenants", "retention", "alerts",
                "operatorItems", "timeouts", "cluster"));
        Path base = file.toAbsolutePath().getParent();
        Timeouts timeouts = timeouts(section(root, "timeouts", json), json);
        ClusterConfigReader clusterReader = new ClusterConfigReader(json, base);
        Optional<ClusterAccess> cluster = clusterReader.cluster(root, timeouts.request());
        Map<String, Forward> forwards = new LinkedHashMap<>();
        Endpoints endpoints = clusterReader.endpoints(section(root, "endpoints", json), cluster, forwards);
        ClientTls tls = tls(json.object(json.field(root, "", "tls"), "tls"), base, json);
        JsonNode prometheus = section(root, "prometheus", json);
        json.only(prometheus, "prometheus", Set.of("job", "tokenFile"));
        String job = optionalText(prometheus, "prometheus", "job", json).orElse(DEFAULT_JOB);
        Optional<Path> token = optionalText(prometheus, "prometheus", "tokenFile", json).map(base::resolve);
        Tenants tenants = tenants(section(root, "tenants", json), json);
        Retention retention = retention(section(root, "retention", json), base, json);
        JsonNode alerts = section(root, "alerts", json);
        json.only(alerts, "alerts", Set.of("rules"));
        Optional<Path> rules = optionalText(alerts, "alerts", "rules", json).map(base::resolve);
        List<OperatorItem> items = root.has("operatorItems") ? operatorItems(root, json) : DEFAULT_OPERATOR_ITEMS;
        return new ChecklistConfig(file, endpoints, tls, tenants, retention, rules, job, items, timeouts, token, cluster,
                forwards);
    }

    private static ClientTls tls(JsonNode node, Path base, JsonFields json) throws BundleException {
        json.only(node, "tls", Set.of("ca", "cert", "key", "serverCert", "live", "requireClientCertificate",
                "expiryWindowDays"));
        boolean require = true;
        if (node.has("requireClientCertificate")) {
            if (!node.get("requireClientCertificate").isBoolean()) {
                throw json.refused("tls.requireClientCertificate must be true or false");
            }
            require = node.get("requireClientCertificate").booleanValue();
        }
        long days = node.has("expiryWindowDays") ? json.integer(node, "tls", "expiryWindowDays", 0, 3650)
                : DEFAULT_EXPIRY_WINDOW_DAYS;
        return new ClientTls(base.resolve(json.text(node, "tls", "ca")), base.resolve(json.text(node, "tls", "cert")),
                base.resolve(json.text(node, "tls", "key")), optionalText(node, "tls", "serverCert", json).map(base::resolve),
                optionalText(node, "tls", "live", json).map(base::resolve), require, Duration.ofDays(days));
    }

    private static Tenants tenants(JsonNode node, JsonFields json) throws BundleException {
        json.only(node, "tenants", Set.of("header", "ids"));
        String header = optionalText(node, "tenants", "header", json).orElse(DEFAULT_TENANT_HEADER);
        if (!HEADER.matcher(header).matches()) {
            throw json.refused("tenants.header '" + BundlePath.printable(header) + "' is not an HTTP header name");
        }
        List<String> ids = new ArrayList<>();
        if (node.has("ids")) {
            JsonNode list = json.array(node, "tenants", "ids");
            for (int i = 0; i < list.size(); i++) {
                String id = tenant(list.get(i), "tenants.ids[" + i + "]", json);
                if (ids.contains(id)) {
                    throw json.refused("tenants.ids lists '" + id + "' twice");
                }
                ids.add(id);
            }
        }
        return new Tenants(header, ids);
    }

    private static Retention retention(JsonNode node, Path base, JsonFields json) throws BundleException {
        json.only(node, "retention", Set.of("overrides", "expected", "testTenant"));
        Map<String, Duration> expected = new LinkedHashMap<>();
        if (node.has("expected")) {
            JsonNode map = json.object(node.get("expected"), "retention.expected");
            for (var it = map.fields(); it.hasNext(); ) {
                var entry = it.next();
                String path = "retention.expected." + BundlePath.printable(entry.getKey());
                String tenant = tenant(new TextNode(entry.getKey()), path, json);
                expected.put(tenant, duration(entry.getValue(), path, json));
            }
        }
        String testTenant = node.has("testTenant") ? tenant(node.get("testTenant"), "retention.testTenant", json)
                : DEFAULT_TEST_TENANT;
        Optional<Path> overrides = optionalText(node, "retention", "overrides", json).map(base::resolve);
        if (overrides.isPresent() && expected.isEmpty()) {
            throw json.refused("retention.overrides needs retention.expected: the retention each tenant must have");
        }
        return new Retention(overrides, expected, testTenant);
    }

    private static List<OperatorItem> operatorItems(JsonNode root, JsonFields json) throws BundleException {
        JsonNode list = json.array(root, "", "operatorItems");
        List<OperatorItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>(StandardChecklist.BUILT_IN_IDS);
        for (int i = 0; i < list.size(); i++) {
            String path = "operatorItems[" + i + "]";
            JsonNode item = json.object(list.get(i), path);
            json.exactly(item, path, Set.of("id", "title"));
            String id = json.text(item, path, "id");
            if (!ITEM_ID.matcher(id).matches()) {
                throw json.refused(path + ".id '" + BundlePath.printable(id)
                        + "' must be 1 to 63 lowercase letters, digits or '-', starting with a letter or digit");
            }
            if (!ids.add(id)) {
                throw json.refused(path + ".id '" + id + "' is already the id of another check");
            }
            String title = json.text(item, path, "title").strip();
            if (title.isEmpty()) {
                throw json.refused(path + ".title is empty");
            }
            items.add(new OperatorItem(id, title));
        }
        return items;
    }

    private static Timeouts timeouts(JsonNode node, JsonFields json) throws BundleException {
        json.only(node, "timeouts", Set.of("request", "check"));
        Duration request = node.has("request") ? timeout(node.get("request"), "timeouts.request", json) : DEFAULT_REQUEST_TIMEOUT;
        Duration check = node.has("check") ? timeout(node.get("check"), "timeouts.check", json) : DEFAULT_CHECK_TIMEOUT;
        if (check.compareTo(request) < 0) {
            throw json.refused("timeouts.check (" + Durations.format(check) + ") is shorter than timeouts.request ("
                    + Durations.format(request) + ")");
        }
        return new Timeouts(request, check);
    }

    private static Duration timeout(JsonNode value, String path, JsonFields json) throws BundleException {
        Duration duration = duration(value, path, json);
        if (duration.compareTo(MIN_TIMEOUT) < 0 || duration.compareTo(MAX_TIMEOUT) > 0) {
            throw json.refused(path + " must be between 100ms and 30m");
        }
        return duration;
    }

    private static Duration duration(JsonNode value, String path, JsonFields json) throws BundleException {
        Optional<Duration> duration = value.isTextual() ? Durations.parse(value.textValue()) : Optional.empty();
        if (duration.isEmpty() || duration.get().isZero()) {
            throw json.refused(path + " must be a duration such as 720h, 30d or 5s");
        }
        return duration.get();
    }

    private static String tenant(JsonNode value, String path, JsonFields json) throws BundleException {
        if (!value.isTextual() || !TENANT.matcher(value.textValue()).matches()) {
            throw json.refused(path + " must be a tenant id: 1 to 150 letters, digits or ! - _ . * ' ( )");
        }
        return value.textValue();
    }

    private static JsonNode section(JsonNode root, String name, JsonFields json) throws BundleException {
        return root.has(name) ? json.object(root.get(name), name) : JsonNodeFactory.instance.objectNode();
    }

    private static Optional<String> optionalText(JsonNode node, String path, String name, JsonFields json)
            throws BundleException {
        if (!node.has(name)) {
            return Optional.empty();
        }
        String value = json.text(node, path, name).strip();
        if (value.isEmpty()) {
            throw json.refused(path + "." + name + " is empty");
        }
        return Optional.of(value);
    }
}
