package io.stellaops.airlock.bundle.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a manifest as canonical JSON (RFC 8785) straight from its records, one file at a time:
 * the keys in the sorted order JCS prescribes, no white space, UTF-8. No tree of the document is
 * built, so writing (and the reader's canonical-form check, which writes into a comparing stream)
 * costs no memory per listed file. The bytes equal {@link CanonicalJson#write} of the same
 * statement as a tree, which {@code ManifestCodecTest} checks.
 */
final class ManifestWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ManifestWriter() {
    }

    static void write(BundleManifest manifest, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("_type", ManifestCodec.STATEMENT_TYPE);
            json.writeFieldName("predicate");
            predicate(json, manifest);
            json.writeStringField("predicateType", ManifestCodec.PREDICATE_TYPE_PREFIX + manifest.formatVersion());
            json.writeArrayFieldStart("subject");
            for (FileEntry file : manifest.files()) {
                json.writeStartObject();
                json.writeObjectFieldStart("digest");
                json.writeStringField("sha256", file.sha256());
                json.writeEndObject();
                json.writeStringField("name", file.path());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void predicate(JsonGenerator json, BundleManifest manifest) throws IOException {
        json.writeStartObject();
        json.writeStringField("createdAt", manifest.createdAt().toString());
        json.writeStringField("expiresAt", manifest.expiresAt().toString());
        json.writeArrayFieldStart("files");
        for (FileEntry file : manifest.files()) {
            json.writeStartObject();
            json.writeStringField("mediaType", file.mediaType());
            json.writeStringField("mode", file.modeOctal());
            json.writeStringField("path", file.path());
            json.writeStringField("role", file.role().id());
            json.writeNumberField("size", file.size());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("generation", manifest.generation());
        json.writeStringField("name", manifest.name());
        json.writeObjectFieldStart("producer");
        json.writeStringField("name", manifest.producer().name());
        json.writeStringField("version", manifest.producer().version());
        json.writeEndObject();
        json.writeStringField("version", manifest.version());
        json.writeEndObject();
    }
}
