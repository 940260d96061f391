package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-tenant retention of the staged tenant overrides, as the bundle ships them:
 * {@code storage/tenants/loki-overrides.yaml} ({@code overrides.<tenant>.retention_period}) and
 * {@code storage/tenants/tempo-overrides.yaml} ({@code overrides.<tenant>.compaction.block_retention}).
 */
final class TenantOverrides {
    static final String LOKI = "loki-overrides.yaml";
    static final String TEMPO = "tempo-overrides.yaml";
    private static final List<String> TENANTS_FOLDERS = List.of("storage/tenants", "telemetry/current/storage/tenants",
            "tenants");

    private TenantOverrides() {
    }

    /**
     * The folder holding the two files, under a source folder, a kit's {@code telemetry/current}, or
     * a kit folder.
     *
     * @throws BundleException {@link Failure#UNREADABLE} when none of them holds {@value #LOKI}
     */
    static Path locate(Path folder) throws BundleException {
        for (String candidate : TENANTS_FOLDERS) {
            Path tenants = folder.resolve(candidate);
            if (Files.isRegularFile(tenants.resolve(LOKI))) {
                return tenants;
            }
        }
        throw new BundleException(Failure.UNREADABLE, "no " + LOKI + " under " + folder + " (looked in "
                + String.join(", ", TENANTS_FOLDERS) + ")");
    }

    /** Loki's {@code retention_period} per tenant, in file order. */
    static Map<String, Optional<Duration>> loki(Path file) throws BundleException {
        return read(file, List.of("retention_period"));
    }

    /** Tempo's {@code compaction.block_retention} per tenant, in file order. */
    static Map<String, Optional<Duration>> tempo(Path file) throws BundleException {
        return read(file, List.of("compaction", "block_retention"));
    }

    /** Empty for a tenant without the field; refused when the field is not a duration. */
    private static Map<String, Optional<Duration>> read(Path file, List<String> field) throws BundleException {
        JsonFields json = new JsonFields(String.valueOf(file.getFileName()));
        JsonNode root = json.object(StrictYaml.read(file, json), "overrides file");
        JsonNode overrides = json.object(json.field(root, "", "overrides"), "overrides");
        Map<String, Optional<Duration>> retention = new LinkedHashMap<>();
        for (var it = overrides.fields(); it.hasNext(); ) {
            var tenant = it.next();
            JsonNode value = tenant.getValue();
            for (String name : field) {
                value = value.path(name);
            }
            if (value.isMissingNode() || value.isNull()) {
                retention.put(tenant.getKey(), Optional.empty());
                continue;
            }
            Optional<Duration> duration = value.isTextual() ? Durations.parse(value.textValue()) : Optional.empty();
            if (duration.isEmpty()) {
                throw json.refused("overrides." + tenant.getKey() + "." + String.join(".", field) + " is not a duration");
            }
            retention.put(tenant.getKey(), duration);
        }
        return retention;
    }
}
