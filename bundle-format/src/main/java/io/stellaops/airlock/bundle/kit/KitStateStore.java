package io.stellaops.airlock.bundle.kit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code .state/state.json}, atomically (temporary file, flush, rename), so that a
 * crash leaves either the previous state or the new one. A missing file is the empty state; a
 * file that cannot be parsed is refused by name rather than silently replaced.
 */
public final class KitStateStore {
    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final String DOCUMENT = ".state/state.json";

    private final KitLayout layout;

    public KitStateStore(KitLayout layout) {
        this.layout = layout;
    }

    public KitState read() throws BundleException {
        Path file = layout.stateFile();
        if (!Files.exists(file)) {
            return KitState.EMPTY;
        }
        JsonFields json = new JsonFields(DOCUMENT);
        try {
            JsonNode root = json.object(MAPPER.readTree(Files.readAllBytes(file)), "state");
            long version = json.integer(root, "", "formatVersion", 1, Long.MAX_VALUE);
            if (version != KitState.FORMAT_VERSION) {
                throw json.refused("formatVersion " + version + " is not supported (this Airlock writes "
                        + KitState.FORMAT_VERSION + ")");
            }
            List<KitEntry> imported = new ArrayList<>();
            for (JsonNode node : json.array(root, "", "imported")) {
                imported.add(entry(node, json));
            }
            List<KitEvent> history = new ArrayList<>();
            for (JsonNode node : json.array(root, "", "history")) {
                history.add(new KitEvent(time(node, "at", json), json.text(node, "history", "action"),
                        json.integer(node, "history", "generation", 1, Long.MAX_VALUE),
                        json.text(node, "history", "directory"), optionalText(node, "reason")));
            }
            Optional<KitEntry> active = Optional.empty();
            JsonNode activeDirectory = root.get("active");
            if (activeDirectory != null && !activeDirectory.isNull()) {
                String directory = activeDirectory.asText();
                active = imported.stream().filter(e -> e.directory().equals(directory)).reduce((a, b) -> b);
                if (active.isEmpty()) {
                    throw json.refused("active '" + directory + "' is not among the imported bundles");
                }
            }
            return new KitState(active, json.integer(root, "", "highestGeneration", 0, Long.MAX_VALUE), imported, history);
        } catch (JsonProcessingException e) {
            throw new BundleException(Failure.REFUSED, "kit state " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot read kit state " + file + ": " + AtomicFiles.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new BundleException(Failure.REFUSED, "kit state " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(KitState state) throws BundleException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", KitState.FORMAT_VERSION);
        root.put("highestGeneration", state.highestGeneration());
        if (state.active().isPresent()) {
            root.put("active", state.active().get().directory());
        } else {
            root.putNull("active");
        }
        ArrayNode imported = root.putArray("imported");
        for (KitEntry entry : state.imported()) {
            imported.add(toJson(entry));
        }
        ArrayNode history = root.putArray("history");
        for (KitEvent event : state.history()) {
            history.add(toJson(event));
        }
        try {
            AtomicFiles.write(layout.stateFile(), MAPPER.writeValueAsBytes(root), false, true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the kit state", e);
        }
    }

    /** The JSON form of an imported bundle, as the state file and {@code --json} outputs write it. */
    public static ObjectNode toJson(KitEntry entry) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("generation", entry.generation())
                .put("name", entry.name())
                .put("version", entry.version())
                .put("directory", entry.directory())
                .put("archiveFile", entry.archiveFile())
                .put("archiveSha256", entry.archiveSha256())
                .put("manifestSha256", entry.manifestSha256())
                .put("createdAt", entry.createdAt().toString())
                .put("expiresAt", entry.expiresAt().toString())
                .put("importedAt", entry.importedAt().toString());
        entry.forcedReason().ifPresent(reason -> node.put("forcedReason", reason));
        return node;
    }

    /** The JSON form of a history event. */
    public static ObjectNode toJson(KitEvent event) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("at", event.at().toString())
                .put("action", event.action())
                .put("generation", event.generation())
                .put("directory", event.directory());
        event.reason().ifPresent(reason -> node.put("reason", reason));
        return node;
    }

    private static KitEntry entry(JsonNode node, JsonFields json) throws BundleException {
        String at = "imported";
        return new KitEntry(json.integer(node, at, "generation", 1, Long.MAX_VALUE), json.text(node, at, "name"),
                json.text(node, at, "version"), json.text(node, at, "directory"), json.text(node, at, "archiveFile"),
                json.text(node, at, "archiveSha256"), json.text(node, at, "manifestSha256"), time(node, "createdAt", json),
                time(node, "expiresAt", json), time(node, "importedAt", json), optionalText(node, "forcedReason"));
    }

    private static Instant time(JsonNode node, String name, JsonFields json) throws BundleException {
        String text = json.text(node, "", name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw json.refused(name + " '" + text + "' is not a time");
        }
    }

    private static Optional<String> optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
