package io.stellaops.airlock.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names of the objects Airlock manages, the runbook's by default. Any of them can be changed
 * with a small YAML file (keys below, all optional), because the Helm values of a site may name
 * them differently:
 * <pre>
 * tlsSecret: stellaops-otel-tls-stage
 * tokenSecret: stellaops-prometheus-token
 * scrapeSecret: stellaops-prometheus-scrape
 * lokiOverrides: stellaops-loki-tenant-overrides
 * tempoOverrides: tempo-tenant-overrides
 * </pre>
 */
public record ObjectNames(String tlsSecret, String tokenSecret, String scrapeSecret, String lokiOverrides,
                          String tempoOverrides) {
    // Before DEFAULTS: the constructor of DEFAULTS uses them.
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    public static final ObjectNames DEFAULTS = new ObjectNames("stellaops-otel-tls-stage", "stellaops-prometheus-token",
            "stellaops-prometheus-scrape", "stellaops-loki-tenant-overrides", "tempo-tenant-overrides");
    public static final String DEFAULT_NAMESPACE = "observability";

    public ObjectNames {
        for (String name : new String[] {tlsSecret, tokenSecret, scrapeSecret, lokiOverrides, tempoOverrides}) {
            if (!isObjectName(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a valid object name");
            }
        }
        if (java.util.Set.of(tlsSecret, tokenSecret, scrapeSecret).size() < 3 || lokiOverrides.equals(tempoOverrides)) {
            throw new IllegalArgumentException("two objects of the same kind cannot share a name");
        }
    }

    /** A Secret or ConfigMap name: a DNS-1123 subdomain of at most 253 characters. */
    public static boolean isObjectName(String name) {
        return name != null && name.length() <= 253 && SUBDOMAIN.matcher(name).matches();
    }

    /** A namespace name: a DNS-1123 label of at most 63 characters. */
    public static void checkNamespace(String namespace) throws ClusterException {
        if (namespace == null || namespace.length() > 63 || !LABEL.matcher(namespace).matches()) {
            throw new ClusterException(Reason.USAGE, "namespace '" + namespace + "' is not a valid name (lowercase letters,"
                    + " digits and '-', at most 63 characters)");
        }
    }

    /** The defaults with the overrides of {@code file} applied. */
    public static ObjectNames read(Path file) throws ClusterException {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            if (!Files.isReadable(file)) {
                throw new ClusterException(Reason.UNREADABLE, "cannot read name overrides " + file + ": "
                        + io.stellaops.airlock.bundle.io.AtomicFiles.describe(e), e);
            }
            throw new ClusterException(Reason.REFUSED, "name overrides " + file + " is not valid YAML", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return DEFAULTS;
        }
        if (!root.isObject()) {
            throw new ClusterException(Reason.REFUSED, "name overrides " + file + " must be a YAML mapping of key: name");
        }
        Map<String, String> names = new LinkedHashMap<>(DEFAULTS.asMap());
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!names.containsKey(field.getKey())) {
                throw new ClusterException(Reason.REFUSED, "name overrides " + file + ": unknown key '" + field.getKey()
                        + "' (known: " + String.join(", ", names.keySet()) + ")");
            }
            String value = field.getValue().isTextual() ? field.getValue().asText() : null;
            if (!isObjectName(value)) {
                throw new ClusterException(Reason.REFUSED, "name overrides " + file + ": " + field.getKey() + " must be a"
                        + " Kubernetes object name (lowercase letters, digits, '-' and '.')");
            }
            names.put(field.getKey(), value);
        }
        try {
            return new ObjectNames(names.get("tlsSecret"), names.get("tokenSecret"), names.get("scrapeSecret"),
                    names.get("lokiOverrides"), names.get("tempoOverrides"));
        } catch (IllegalArgumentException e) {
            throw new ClusterException(Reason.REFUSED, "name overrides " + file + ": " + e.getMessage(), e);
        }
    }

    /** The names by their key in the overrides file. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("tlsSecret", tlsSecret);
        map.put("tokenSecret", tokenSecret);
        map.put("scrapeSecret", scrapeSecret);
        map.put("lokiOverrides", lokiOverrides);
        map.put("tempoOverrides", tempoOverrides);
        return map;
    }
}
