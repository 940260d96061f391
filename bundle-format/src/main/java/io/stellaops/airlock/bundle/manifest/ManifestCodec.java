package io.stellaops.airlock.bundle.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code manifest.json}: an in-toto Statement v1 whose predicate describes the
 * bundle, in canonical JSON (RFC 8785). Reading is strict: a document larger than the limit,
 * nested too deep, with a duplicate key, an unknown field, a wrong type, a newer format version
 * or any spelling other than the canonical one is refused with a message naming the field.
 */
public final class ManifestCodec {
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE_PREFIX = "https://stellaops.io/airlock/telemetry-bundle/v";
    public static final String MEDIA_TYPE = "application/vnd.in-toto+json";
    private static final String DOCUMENT = BundlePath.MANIFEST_NAME;
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ManifestCodec() {
    }

    /** The canonical bytes of a manifest: what is archived, hashed and signed. */
    public static byte[] encode(BundleManifest manifest) {
        ObjectNode statement = NODES.objectNode();
        statement.put("_type", STATEMENT_TYPE);
        ArrayNode subject = statement.putArray("subject");
        statement.put("predicateType", PREDICATE_TYPE_PREFIX + manifest.formatVersion());
        ObjectNode predicate = statement.putObject("predicate");
        predicate.put("name", manifest.name());
        predicate.put("version", manifest.version());
        predicate.put("generation", manifest.generation());
        predicate.put("createdAt", manifest.createdAt().toString());
        predicate.put("expiresAt", manifest.expiresAt().toString());
        ObjectNode producer = predicate.putObject("producer");
        producer.put("name", manifest.producer().name());
        producer.put("version", manifest.producer().version());
        ArrayNode files = predicate.putArray("files");
        for (FileEntry file : manifest.files()) {
            ObjectNode item = subject.addObject();
            item.put("name", file.path());
            item.putObject("digest").put("sha256", file.sha256());
            ObjectNode entry = files.addObject();
            entry.put("path", file.path());
            entry.put("size", file.size());
            entry.put("mode", file.modeOctal());
            entry.put("mediaType", file.mediaType());
            entry.put("role", file.role().id());
        }
        return CanonicalJson.write(statement);
    }

    /**
     * Parses and checks manifest bytes.
     *
     * @throws BundleException {@link Failure#REFUSED} naming the field that is wrong
     */
    public static BundleManifest decode(byte[] bytes, Limits limits) throws BundleException {
        JsonFields json = new JsonFields(DOCUMENT);
        if (bytes.length > limits.maxManifestBytes()) {
            throw json.refused("is " + bytes.length + " bytes, over the limit of " + limits.maxManifestBytes());
        }
        JsonNode root = parse(bytes, limits, json);
        json.object(root, "statement");
        json.exactly(root, "statement", Set.of("_type", "subject", "predicateType", "predicate"));
        String type = json.text(root, "", "_type");
        if (!STATEMENT_TYPE.equals(type)) {
            throw json.refused("_type '" + BundlePath.printable(type) + "' is not " + STATEMENT_TYPE);
        }
        int formatVersion = formatVersion(json.text(root, "", "predicateType"), json);
        JsonNode predicate = json.object(json.field(root, "", "predicate"), "predicate");
        json.exactly(predicate, "predicate",
                Set.of("name", "version", "generation", "createdAt", "expiresAt", "producer", "files"));
        JsonNode producerNode = json.object(json.field(predicate, "predicate", "producer"), "predicate.producer");
        json.exactly(producerNode, "predicate.producer", Set.of("name", "version"));
        List<FileEntry> files = files(json.array(root, "", "subject"), json.array(predicate, "predicate", "files"),
                limits, json);
        BundleManifest manifest;
        try {
            manifest = new BundleManifest(
                    formatVersion,
                    json.text(predicate, "predicate", "name"),
                    json.text(predicate, "predicate", "version"),
                    json.integer(predicate, "predicate", "generation", 1, BundleManifest.MAX_SAFE_INTEGER),
                    timestamp(predicate, "createdAt", json),
                    timestamp(predicate, "expiresAt", json),
                    new Producer(json.text(producerNode, "predicate.producer", "name"),
                            json.text(producerNode, "predicate.producer", "version")),
                    files);
        } catch (IllegalArgumentException e) {
            throw json.refused(e.getMessage());
        }
        if (!Arrays.equals(bytes, encode(manifest))) {
            throw json.refused("is not in canonical JSON form (RFC 8785: sorted keys, no white space, UTF-8)");
        }
        return manifest;
    }

    private static JsonNode parse(byte[] bytes, Limits limits, JsonFields json) throws BundleException {
        return StrictJson.parse(StrictJson.jsonFactory(StrictJson.constraints(limits.maxManifestBytes(),
                Math.max(4096, limits.maxPathBytes() * 2), 16)), bytes, json);
    }

    private static int formatVersion(String predicateType, JsonFields json) throws BundleException {
        if (!predicateType.startsWith(PREDICATE_TYPE_PREFIX)) {
            throw json.refused("predicateType '" + BundlePath.printable(predicateType)
                    + "' is not an Airlock telemetry bundle (" + PREDICATE_TYPE_PREFIX + "N)");
        }
        String number = predicateType.substring(PREDICATE_TYPE_PREFIX.length());
        if (!number.matches("[1-9][0-9]{0,8}")) {
            throw json.refused("predicateType '" + BundlePath.printable(predicateType) + "' has no valid format version");
        }
        int version = Integer.parseInt(number);
        if (version > BundleManifest.FORMAT_VERSION) {
            throw json.refused("bundle format v" + version + " is newer than this Airlock reads (v"
                    + BundleManifest.FORMAT_VERSION + "); upgrade Airlock to read it");
        }
        if (version < BundleManifest.FORMAT_VERSION) {
            throw json.refused("bundle format v" + version + " is not supported (this Airlock reads v"
                    + BundleManifest.FORMAT_VERSION + ")");
        }
        return version;
    }

    private static List<FileEntry> files(JsonNode subject, JsonNode files, Limits limits, JsonFields json)
            throws BundleException {
        if (subject.size() != files.size()) {
            throw json.refused("subject lists " + subject.size() + " files but predicate.files lists " + files.size());
        }
        if (files.size() > limits.maxEntries()) {
            throw json.refused("lists " + files.size() + " files, more than the limit of " + limits.maxEntries());
        }
        List<FileEntry> entries = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            entries.add(file(subject.get(i), files.get(i), i, limits, json));
        }
        return entries;
    }

    private static FileEntry file(JsonNode subjectItem, JsonNode fileItem, int index, Limits limits, JsonFields json)
            throws BundleException {
        String subjectPath = "subject[" + index + "]";
        String filePath = "predicate.files[" + index + "]";
        json.object(subjectItem, subjectPath);
        json.exactly(subjectItem, subjectPath, Set.of("name", "digest"));
        JsonNode digest = json.object(json.field(subjectItem, subjectPath, "digest"), subjectPath + ".digest");
        json.exactly(digest, subjectPath + ".digest", Set.of("sha256"));
        json.object(fileItem, filePath);
        json.exactly(fileItem, filePath, Set.of("path", "size", "mode", "mediaType", "role"));
        String name = json.text(subjectItem, subjectPath, "name");
        String path = json.text(fileItem, filePath, "path");
        if (!name.equals(path)) {
            throw json.refused(subjectPath + ".name '" + BundlePath.printable(name) + "' differs from " + filePath
                    + ".path '" + BundlePath.printable(path) + "'");
        }
        try {
            BundlePath.check(path, limits.maxPathBytes());
        } catch (BundleException e) {
            throw json.refused(filePath + ": " + e.getMessage());
        }
        long size = json.integer(fileItem, filePath, "size", 0, limits.maxFileBytes());
        String mode = json.text(fileItem, filePath, "mode");
        if (!mode.equals("0644") && !mode.equals("0755")) {
            throw json.refused(filePath + ".mode '" + BundlePath.printable(mode) + "' is not 0644 or 0755");
        }
        String roleId = json.text(fileItem, filePath, "role");
        FileRole role = FileRole.fromId(roleId)
                .orElseThrow(() -> json.refused(filePath + ".role '" + BundlePath.printable(roleId) + "' is not one of "
                        + Arrays.toString(Arrays.stream(FileRole.values()).map(FileRole::id).toArray())));
        try {
            return new FileEntry(path, size, json.text(digest, subjectPath + ".digest", "sha256"),
                    Integer.parseInt(mode, 8), json.text(fileItem, filePath, "mediaType"), role);
        } catch (IllegalArgumentException e) {
            throw json.refused(e.getMessage());
        }
    }

    private static Instant timestamp(JsonNode predicate, String name, JsonFields json) throws BundleException {
        String text = json.text(predicate, "predicate", name);
        if (!TIMESTAMP.matcher(text).matches()) {
            throw json.refused("predicate." + name + " '" + BundlePath.printable(text)
                    + "' is not a UTC time of the form 2026-01-31T12:00:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw json.refused("predicate." + name + " '" + text + "' is not a valid time");
        }
    }
}
