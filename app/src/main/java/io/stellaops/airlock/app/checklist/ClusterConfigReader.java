package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.app.checklist.ChecklistConfig.ClusterAccess;
import io.stellaops.airlock.app.checklist.ChecklistConfig.Endpoints;
import io.stellaops.airlock.app.checklist.ChecklistConfig.Forward;
import io.stellaops.airlock.app.cluster.ConnectionOptions;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the config's {@code cluster} section and its {@code endpoints}, each either a direct https
 * URL or a port-forward through the cluster's API:
 * <pre>
 * cluster: {kubeconfig: FILE, context: NAME, namespace: observability, tlsSecret: stellaops-otel-tls-stage}
 * endpoints:
 *   prometheus: https://prometheus.example:9090
 *   loki: {service: loki, port: 3100, namespace: observability, serverName: loki.observability.svc, path: /}
 * </pre>
 * A forwarded endpoint's URL is the logical one, {@code https://SERVER-NAME:PORT/PATH}: the evidence
 * names it, the certificate must carry SERVER-NAME, and {@link PortForwards} routes it.
 */
final class ClusterConfigReader {
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final List<String> NAMES = List.of("prometheus", "collectorMetrics", "loki", "tempo");

    private final JsonFields json;
    private final Path base;

    ClusterConfigReader(JsonFields json, Path base) {
        this.json = json;
        this.base = base;
    }

    Optional<ClusterAccess> cluster(JsonNode root, Duration apiTimeout) throws BundleException {
        if (!root.has("cluster")) {
            return Optional.empty();
        }
        JsonNode node = json.object(root.get("cluster"), "cluster");
        json.only(node, "cluster", Set.of("kubeconfig", "context", "namespace", "tlsSecret"));
        Optional<Path> kubeconfig = optional(node, "cluster", "kubeconfig").map(base::resolve);
        Optional<String> context = optional(node, "cluster", "context");
        String namespace = dnsName(node, "cluster", "namespace", ClusterAccess.DEFAULT_NAMESPACE);
        String secret = dnsName(node, "cluster", "tlsSecret", ClusterAccess.DEFAULT_TLS_SECRET);
        // No retries: a check's time is bounded, and an API server that does not answer is a finding.
        return Optional.of(new ClusterAccess(new ConnectionOptions(kubeconfig, context, apiTimeout, 0), namespace, secret));
    }

    /** Reads the endpoints, adding each port-forward to {@code forwards}. */
    Endpoints endpoints(JsonNode node, Optional<ClusterAccess> cluster, Map<String, Forward> forwards)
            throws BundleException {
        json.only(node, "endpoints", Set.copyOf(NAMES));
        Map<String, Optional<URI>> uris = new LinkedHashMap<>();
        for (String name : NAMES) {
            uris.put(name, endpoint(node, name, cluster, forwards));
        }
        return new Endpoints(uris.get("prometheus"), uris.get("collectorMetrics"), uris.get("loki"), uris.get("tempo"));
    }

    private Optional<URI> endpoint(JsonNode node, String name, Optional<ClusterAccess> cluster, Map<String, Forward> forwards)
            throws BundleException {
        if (!node.has(name)) {
            return Optional.empty();
        }
        if (!node.get(name).isObject()) {
            return Optional.of(url(node, name));
        }
        String path = "endpoints." + name;
        if (cluster.isEmpty()) {
            throw json.refused(path + " is a port-forward: it needs the cluster section (kubeconfig, context)");
        }
        JsonNode forward = node.get(name);
        json.only(forward, path, Set.of("service", "pod", "namespace", "port", "serverName", "path"));
        if (forward.has("service") == forward.has("pod")) {
            throw json.refused(path + " needs exactly one of service or pod");
        }
        String kind = forward.has("service") ? "service" : "pod";
        String target = dnsName(forward, path, kind, null);
        String namespace = dnsName(forward, path, "namespace", cluster.get().namespace());
        int port = (int) json.integer(forward, path, "port", 1, 65535);
        String defaultName = "service".equals(kind) ? target + "." + namespace + ".svc" : null;
        if (defaultName == null && !forward.has("serverName")) {
            throw json.refused(path + ".serverName is required for a pod: the name its certificate carries");
        }
        String serverName = dnsName(forward, path, "serverName", defaultName);
        String urlPath = optional(forward, path, "path").orElse("collectorMetrics".equals(name) ? "/metrics" : "");
        if (!urlPath.isEmpty() && !urlPath.startsWith("/")) {
            throw json.refused(path + ".path must start with '/'");
        }
        forwards.put(name, new Forward(kind, target, namespace, port, serverName));
        try {
            return Optional.of(new URI("https", null, serverName, port, urlPath, null, null));
        } catch (URISyntaxException e) {
            throw json.refused(path + ".path is not a URL path: " + BundlePath.printable(e.getReason()));
        }
    }

    private URI url(JsonNode node, String name) throws BundleException {
        String text = json.text(node, "endpoints", name).strip();
        try {
            URI uri = new URI(text);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw json.refused("endpoints." + name + " must be an https URL with a host and no user, query or fragment"
                        + " (or a port-forward: {service: NAME, port: N})");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw json.refused("endpoints." + name + " is not a URL: " + BundlePath.printable(e.getReason()));
        }
    }

    private String dnsName(JsonNode node, String path, String name, String fallback) throws BundleException {
        Optional<String> value = optional(node, path, name);
        if (value.isEmpty()) {
            if (fallback == null) {
                throw json.refused(path + "." + name + " is required");
            }
            return fallback;
        }
        if (!DNS_NAME.matcher(value.get()).matches()) {
            throw json.refused(path + "." + name + " '" + BundlePath.printable(value.get())
                    + "' is not a Kubernetes name (lowercase letters, digits, '-' and '.')");
        }
        return value.get();
    }

    private Optional<String> optional(JsonNode node, String path, String name) throws BundleException {
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
