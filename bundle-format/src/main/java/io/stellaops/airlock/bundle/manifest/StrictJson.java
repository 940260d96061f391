package io.stellaops.airlock.bundle.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.io.IOException;

/**
 * The one strict parser setup for every untrusted document Airlock reads (the manifest, signature
 * envelopes, trust policies): bounded size, nesting, string and number lengths, duplicate keys
 * refused, trailing tokens refused. Works for any Jackson format (JSON, YAML) whose factory the
 * caller builds with {@link #constraints} and duplicate detection.
 */
public final class StrictJson {
    private StrictJson() {
    }

    public static StreamReadConstraints constraints(int maxDocumentBytes, int maxStringLength, int maxDepth) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxNumberLength(32)
                .maxStringLength(maxStringLength)
                .maxDocumentLength(maxDocumentBytes)
                .build();
    }

    /** A JSON factory with these constraints and duplicate keys refused. */
    public static JsonFactory jsonFactory(StreamReadConstraints constraints) {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(constraints)
                .build();
    }

    /**
     * Parses one document into a tree.
     *
     * @throws BundleException {@link Failure#REFUSED} naming the document, the line and column
     */
    public static JsonNode parse(JsonFactory factory, byte[] bytes, JsonFields json) throws BundleException {
        ObjectMapper mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw json.refused("is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(e, factory, json);
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, json.document() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The refusal of a document the parser rejected, naming the line and column. */
    public static BundleException malformed(JsonProcessingException e, JsonFactory factory, JsonFields json) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return json.refused("is not valid " + factory.getFormatName() + where + ": "
                + BundlePath.printable(e.getOriginalMessage()));
    }

    /**
     * Moves a streaming parser onto the document's opening brace.
     *
     * @param what the document's top level as messages name it ("statement", "envelope")
     * @throws BundleException {@link Failure#REFUSED} for an empty document or one that is not an object
     */
    public static void startObject(JsonParser parser, JsonFields json, String what) throws IOException, BundleException {
        JsonToken first = parser.nextToken();
        if (first == null || first == JsonToken.VALUE_NULL) {
            throw json.refused("is empty");
        }
        if (first != JsonToken.START_OBJECT) {
            throw json.refused(what + " must be an object");
        }
    }

    /** After the closing brace: refuses anything but the end of the document, naming where it is. */
    public static void requireEnd(JsonParser parser, JsonFields json, String what) throws IOException, BundleException {
        if (parser.nextToken() != null) {
            throw json.refused("is not valid JSON at line " + parser.currentLocation().getLineNr() + ", column "
                    + parser.currentLocation().getColumnNr() + ": content after the " + what);
        }
    }
}
