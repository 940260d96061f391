package io.stellaops.airlock.bundle.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    private ManifestCodec() {
    }

    /** The canonical bytes of a manifest: what is archived, hashed and signed. */
    public static byte[] encode(BundleManifest manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + manifest.files().size() * 256);
        write(manifest, out);
        return out.toByteArray();
    }

    /** Writes the canonical bytes to {@code out} as they are made, without holding them (to hash them, say). */
    public static void write(BundleManifest manifest, OutputStream out) {
        try {
            ManifestWriter.write(manifest, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the manifest to a stream failed", e);
        }
    }

    /**
     * Parses and checks manifest bytes in one streaming pass: memory is a compact record per
     * listed file, never a tree of the whole document.
     *
     * @throws BundleException {@link Failure#REFUSED} naming the field that is wrong
     */
    public static BundleManifest decode(byte[] bytes, Limits limits) throws BundleException {
        JsonFields json = new JsonFields(DOCUMENT);
        if (bytes.length > limits.maxManifestBytes()) {
            throw json.refused("is " + bytes.length + " bytes, over the limit of " + limits.maxManifestBytes());
        }
        JsonFactory factory = StrictJson.jsonFactory(StrictJson.constraints(limits.maxManifestBytes(),
                Math.max(4096, limits.maxPathBytes() * 2), 16));
        ManifestReader reader;
        try (JsonParser parser = new ObjectMapper(factory).createParser(bytes)) {
            reader = ManifestReader.read(parser, json, limits);
        } catch (JsonProcessingException e) {
            throw StrictJson.malformed(e, factory, json);
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, DOCUMENT + ": cannot be read: " + e.getMessage(), e);
        }
        JsonNode root = reader.statement();
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
        json.array(root, "", "subject");
        json.array(predicate, "predicate", "files");
        List<FileEntry> files = reader.files();
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
        if (!isCanonicalForm(manifest, bytes)) {
            throw json.refused("is not in canonical JSON form (RFC 8785: sorted keys, no white space, UTF-8)");
        }
        return manifest;
    }

    /** Whether {@code bytes} are exactly the canonical encoding, compared as it is written, not held. */
    private static boolean isCanonicalForm(BundleManifest manifest, byte[] bytes) {
        ComparingOutputStream comparison = new ComparingOutputStream(bytes);
        write(manifest, comparison);
        return comparison.matchedAll();
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
