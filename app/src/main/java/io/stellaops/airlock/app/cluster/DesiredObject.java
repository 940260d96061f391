package io.stellaops.airlock.app.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One object as the plan wants it. Data keys are sorted; values are {@link DataValue}s, which print
 * as digests only.
 *
 * @param kind        Namespace, Secret or ConfigMap
 * @param namespace   the namespace (for a Namespace: its own name)
 * @param name        the object's name
 * @param labels      labels Airlock sets
 * @param annotations annotations Airlock sets
 * @param data        key to value (empty for a Namespace)
 */
public record DesiredObject(ObjectKind kind, String namespace, String name, Map<String, String> labels,
                            Map<String, String> annotations, SortedMap<String, DataValue> data) {
    /** The type of every Secret of the plan, as {@code kubectl create secret generic} makes them. */
    public static final String SECRET_TYPE = "Opaque";

    public DesiredObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        data = Collections.unmodifiableSortedMap(new TreeMap<>(data));
    }

    /** "Secret observability/stellaops-prometheus-token" or "Namespace observability". */
    public String id() {
        return kind == ObjectKind.NAMESPACE ? kind.kind() + " " + name : kind.kind() + " " + namespace + "/" + name;
    }

    public boolean namespaced() {
        return kind != ObjectKind.NAMESPACE;
    }
}
