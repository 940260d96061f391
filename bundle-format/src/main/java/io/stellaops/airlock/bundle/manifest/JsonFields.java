package io.stellaops.airlock.bundle.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict access to fields of an untrusted JSON document. Every refusal names the document
 * and the JSON path of the field, so that a reviewer can find it.
 */
public final class JsonFields {
    private final String document;

    public JsonFields(String document) {
        this.document = document;
    }

    /** The document's name as messages give it. */
    public String document() {
        return document;
    }

    public JsonNode object(JsonNode node, String path) throws BundleException {
        if (node == null || !node.isObject()) {
            throw refused(path + " must be an object");
        }
        return node;
    }

    public JsonNode field(JsonNode object, String parentPath, String name) throws BundleException {
        JsonNode value = object.get(name);
        if (value == null) {
            throw refused(join(parentPath, name) + " is missing");
        }
        return value;
    }

    public JsonNode array(JsonNode object, String parentPath, String name) throws BundleException {
        JsonNode value = field(object, parentPath, name);
        if (!value.isArray()) {
            throw refused(join(parentPath, name) + " must be an array");
        }
        return value;
    }

    public String text(JsonNode object, String parentPath, String name) throws BundleException {
        JsonNode value = field(object, parentPath, name);
        if (!value.isTextual()) {
            throw refused(join(parentPath, name) + " must be a string");
        }
        return value.textValue();
    }

    public long integer(JsonNode object, String parentPath, String name, long min, long max) throws BundleException {
        JsonNode value = field(object, parentPath, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw refused(join(parentPath, name) + " must be an integer");
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw refused(join(parentPath, name) + " must be between " + min + " and " + max + ", not " + number);
        }
        return number;
    }

    /** Refuses any field the format does not define: a signed document means exactly what it says. */
    public void exactly(JsonNode object, String path, Set<String> allowed) throws BundleException {
        only(object, path, allowed);
        for (String name : allowed) {
            field(object, path, name);
        }
    }

    /** Like {@link #exactly} for documents with optional fields: unknown ones are refused, absent ones are not. */
    public void only(JsonNode object, String path, Set<String> allowed) throws BundleException {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw refused(path + " has unknown field(s) " + printable(unknown));
        }
    }

    public BundleException refused(String detail) {
        return new BundleException(Failure.REFUSED, document + ": " + detail);
    }

    private static String printable(Set<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(out.length() == 0 ? "" : ", ").append('\'').append(BundlePath.printable(name)).append('\'');
        }
        return out.toString();
    }

    private static String join(String parentPath, String name) {
        return parentPath.isEmpty() ? name : parentPath + "." + name;
    }
}
