package io.stellaops.airlock.bundle.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest's structure in one streaming pass, holding no tree of the document: the two
 * per-file arrays ({@code subject} and {@code predicate.files}) are read item by item, each item
 * as a small tree that is checked and reduced to a compact record at once; everything else is
 * kept as the small skeleton tree that {@link ManifestCodec} checks with {@link JsonFields}.
 * Memory is therefore one compact record per listed file, not a tree of the whole document.
 *
 * <p>Problems in the items are remembered, not thrown, until the whole document is read, so that
 * the statement-level checks (the format version first of all) speak before the items do, as
 * when the document was checked as one tree: a newer format says so even if its items changed.
 */
final class ManifestReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;
    private final JsonFields json;
    private final Limits limits;
    private final List<PendingFile> files = new ArrayList<>();
    private final List<String> digests = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, String> mediaTypes = new HashMap<>();
    private ObjectNode statement;
    private int fileCount;
    private int subjectCount;
    private ItemProblem fileProblem;
    private ItemProblem subjectProblem;

    /** A listed file before its digest (from {@code subject}) is paired with it. */
    record PendingFile(String path, long size, int mode, String mediaType, FileRole role) {
    }

    private record ItemProblem(int index, BundleException problem) {
    }

    private ManifestReader(JsonParser parser, JsonFields json, Limits limits) {
        this.parser = parser;
        this.json = json;
        this.limits = limits;
    }

    /** The statement's skeleton (per-file arrays left empty) and the items, read from {@code parser}. */
    static ManifestReader read(JsonParser parser, JsonFields json, Limits limits) throws IOException, BundleException {
        ManifestReader reader = new ManifestReader(parser, json, limits);
        reader.statement = reader.readStatement();
        return reader;
    }

    ObjectNode statement() {
        return statement;
    }

    private ObjectNode readStatement() throws IOException, BundleException {
        StrictJson.startObject(parser, json, "statement");
        ObjectNode skeleton = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("subject") && value == JsonToken.START_ARRAY) {
                readSubjects();
                skeleton.putArray(name);
            } else if (name.equals("predicate") && value == JsonToken.START_OBJECT) {
                skeleton.set(name, readPredicate());
            } else {
                skeleton.set(name, parser.readValueAsTree());
            }
        }
        StrictJson.requireEnd(parser, json, "statement");
        return skeleton;
    }

    private ObjectNode readPredicate() throws IOException, BundleException {
        ObjectNode predicate = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("files") && value == JsonToken.START_ARRAY) {
                readFiles();
                predicate.putArray(name);
            } else {
                predicate.set(name, parser.readValueAsTree());
            }
        }
        return predicate;
    }

    private void readFiles() throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (fileProblem != null || index >= limits.maxEntries()) {
                parser.skipChildren();
            } else {
                JsonNode item = parser.readValueAsTree();
                try {
                    files.add(file(item, index));
                } catch (BundleException e) {
                    fileProblem = new ItemProblem(index, e);
                }
            }
            index++;
        }
        fileCount = index;
    }

    private void readSubjects() throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (subjectProblem != null || index >= limits.maxEntries()) {
                parser.skipChildren();
            } else {
                JsonNode item = parser.readValueAsTree();
                try {
                    subject(item, index);
                } catch (BundleException e) {
                    subjectProblem = new ItemProblem(index, e);
                }
            }
            index++;
        }
        subjectCount = index;
    }

    private PendingFile file(JsonNode item, int index) throws BundleException {
        String filePath = "predicate.files[" + index + "]";
        json.object(item, filePath);
        json.exactly(item, filePath, Set.of("path", "size", "mode", "mediaType", "role"));
        String path = json.text(item, filePath, "path");
        try {
            BundlePath.check(path, limits.maxPathBytes());
        } catch (BundleException e) {
            throw json.refused(filePath + ": " + e.getMessage());
        }
        long size = json.integer(item, filePath, "size", 0, limits.maxFileBytes());
        String mode = json.text(item, filePath, "mode");
        if (!mode.equals("0644") && !mode.equals("0755")) {
            throw json.refused(filePath + ".mode '" + BundlePath.printable(mode) + "' is not 0644 or 0755");
        }
        String roleId = json.text(item, filePath, "role");
        FileRole role = FileRole.fromId(roleId)
                .orElseThrow(() -> json.refused(filePath + ".role '" + BundlePath.printable(roleId) + "' is not one of "
                        + Arrays.toString(Arrays.stream(FileRole.values()).map(FileRole::id).toArray())));
        String mediaType = json.text(item, filePath, "mediaType");
        return new PendingFile(path, size, Integer.parseInt(mode, 8), mediaTypes.computeIfAbsent(mediaType, t -> t), role);
    }

    private void subject(JsonNode item, int index) throws BundleException {
        String subjectPath = "subject[" + index + "]";
        json.object(item, subjectPath);
        json.exactly(item, subjectPath, Set.of("name", "digest"));
        JsonNode digest = json.object(json.field(item, subjectPath, "digest"), subjectPath + ".digest");
        json.exactly(digest, subjectPath + ".digest", Set.of("sha256"));
        names.add(json.text(item, subjectPath, "name"));
        digests.add(json.text(digest, subjectPath + ".digest", "sha256"));
    }

    /**
     * The listed files, once the statement-level checks have passed: counts first, then the first
     * problem by index (a subject item before the file item of the same index, as a reader of
     * both lists side by side would report it), then the pairing of names and paths.
     */
    List<FileEntry> files() throws BundleException {
        if (subjectCount != fileCount) {
            throw json.refused("subject lists " + subjectCount + " files but predicate.files lists " + fileCount);
        }
        if (fileCount > limits.maxEntries()) {
            throw json.refused("lists " + fileCount + " files, more than the limit of " + limits.maxEntries());
        }
        ItemProblem first = subjectProblem;
        if (fileProblem != null && (first == null || fileProblem.index() < first.index())) {
            first = fileProblem;
        }
        int checked = first == null ? fileCount : first.index();
        List<FileEntry> entries = new ArrayList<>(checked);
        for (int i = 0; i < checked; i++) {
            PendingFile file = files.get(i);
            String name = names.get(i);
            if (!name.equals(file.path())) {
                throw json.refused("subject[" + i + "].name '" + BundlePath.printable(name) + "' differs from "
                        + "predicate.files[" + i + "].path '" + BundlePath.printable(file.path()) + "'");
            }
            try {
                entries.add(new FileEntry(file.path(), file.size(), digests.get(i), file.mode(), file.mediaType(),
                        file.role()));
            } catch (IllegalArgumentException e) {
                throw json.refused(e.getMessage());
            }
            files.set(i, null);
            names.set(i, null);
            digests.set(i, null);
        }
        if (first != null) {
            throw first.problem();
        }
        return entries;
    }
}
