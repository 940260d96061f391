package io.stellaops.airlock.bundle.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes a JSON tree in the canonical form of RFC 8785 (JCS) for the subset Airlock uses: object
 * keys sorted by UTF-16 code units, no insignificant white space, UTF-8, integers only and strings
 * without control characters. On that subset Jackson's own escaping is exactly JCS's, so the
 * output is byte-identical to any JCS implementation; values outside the subset are refused
 * rather than written in a form that another canonicaliser would spell differently.
 */
public final class CanonicalJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private CanonicalJson() {
    }

    public static byte[] write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException("writing canonical JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(null);
                for (String name : names) {
                    requireNoControlCharacters(name);
                    generator.writeFieldName(name);
                    write(generator, node.get(name));
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> {
                requireNoControlCharacters(node.textValue());
                generator.writeString(node.textValue());
            }
            case NUMBER -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()
                        || Math.abs(node.longValue()) > BundleManifest.MAX_SAFE_INTEGER) {
                    throw new IllegalArgumentException("canonical JSON here allows only integers up to 2^53-1, not " + node);
                }
                generator.writeNumber(node.longValue());
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            default -> throw new IllegalArgumentException("no canonical form for JSON node type " + node.getNodeType());
        }
    }

    private static void requireNoControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("canonical JSON here allows no control characters in strings");
            }
        }
    }
}
