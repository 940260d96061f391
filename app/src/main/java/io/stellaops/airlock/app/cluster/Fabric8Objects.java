package io.stellaops.airlock.app.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Converts between the plan's objects and fabric8's model, and reads live objects. */
final class Fabric8Objects {
    private Fabric8Objects() {
    }

    /** The object as sent in a server-side apply: only the fields Airlock owns. */
    static HasMetadata toResource(DesiredObject object) {
        ObjectMeta meta = new ObjectMetaBuilder().withName(object.name())
                .withNamespace(object.namespaced() ? object.namespace() : null)
                .withLabels(new TreeMap<>(object.labels())).withAnnotations(new TreeMap<>(object.annotations())).build();
        return switch (object.kind()) {
            case NAMESPACE -> new NamespaceBuilder().withMetadata(meta).build();
            case SECRET -> {
                Map<String, String> data = new TreeMap<>();
                object.data().forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.bytes())));
                yield new SecretBuilder().withMetadata(meta).withType(DesiredObject.SECRET_TYPE).withData(data).build();
            }
            case CONFIG_MAP -> {
                Map<String, String> data = new TreeMap<>();
                object.data().forEach((k, v) -> data.put(k, new String(v.bytes(), StandardCharsets.UTF_8)));
                yield new ConfigMapBuilder().withMetadata(meta).withData(data).build();
            }
        };
    }

    /** Reads the live object of {@code object}; empty when the API answers 404. */
    static Optional<LiveObject> read(KubernetesClient client, DesiredObject object) {
        return switch (object.kind()) {
            case NAMESPACE -> Optional.ofNullable(client.namespaces().withName(object.name()).get())
                    .map(ns -> new LiveObject(ns.getMetadata().getLabels(), ns.getMetadata().getAnnotations(),
                            Optional.empty(), new TreeMap<>()));
            case SECRET -> Optional.ofNullable(client.secrets().inNamespace(object.namespace()).withName(object.name()).get())
                    .map(Fabric8Objects::live);
            case CONFIG_MAP -> Optional.ofNullable(client.configMaps().inNamespace(object.namespace())
                    .withName(object.name()).get()).map(Fabric8Objects::live);
        };
    }

    private static LiveObject live(Secret secret) {
        Map<String, String> digests = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> digests.put(k, digestOfBase64(v)));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> digests.put(k, DataValue.sha256(v.getBytes(StandardCharsets.UTF_8))));
        }
        return new LiveObject(secret.getMetadata().getLabels(), secret.getMetadata().getAnnotations(),
                Optional.ofNullable(secret.getType()), new TreeMap<>(digests));
    }

    private static LiveObject live(ConfigMap map) {
        Map<String, String> digests = new TreeMap<>();
        if (map.getData() != null) {
            map.getData().forEach((k, v) -> digests.put(k, DataValue.sha256(v.getBytes(StandardCharsets.UTF_8))));
        }
        if (map.getBinaryData() != null) {
            map.getBinaryData().forEach((k, v) -> digests.put(k, digestOfBase64(v)));
        }
        return new LiveObject(map.getMetadata().getLabels(), map.getMetadata().getAnnotations(), Optional.empty(),
                new TreeMap<>(digests));
    }

    private static String digestOfBase64(String value) {
        try {
            return DataValue.sha256(Base64.getDecoder().decode(value == null ? "" : value));
        } catch (IllegalArgumentException e) {
            // Not base64: it cannot equal anything we would write, so it shows as changed.
            return "invalid-base64";
        }
    }
}
