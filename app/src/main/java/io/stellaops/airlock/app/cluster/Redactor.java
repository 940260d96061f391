package io.stellaops.airlock.app.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Removes Secret values from text that Airlock did not write itself, such as an API server's error
 * message, before it is shown. Airlock's own messages never contain values; this is the second
 * line of defence for the ones that come from outside. It looks for each value whole, in base64,
 * and for each of its lines of 16 characters or more (a PEM body line, a JWT part).
 */
public final class Redactor {
    static final String MARK = "<redacted>";
    private static final int MIN_FRAGMENT = 16;
    private final List<String> needles;

    Redactor(List<byte[]> secrets) {
        List<String> found = new ArrayList<>();
        for (byte[] secret : secrets) {
            String text = new String(secret, StandardCharsets.UTF_8);
            add(found, text.strip());
            add(found, Base64.getEncoder().encodeToString(secret));
            for (String line : text.split("\\R")) {
                add(found, line.strip());
                for (String part : line.strip().split("\\.")) {
                    add(found, part);
                }
            }
        }
        found.sort(Comparator.comparingInt(String::length).reversed());
        this.needles = List.copyOf(found);
    }

    private static void add(List<String> found, String candidate) {
        if (candidate.length() >= MIN_FRAGMENT && !candidate.startsWith("-----") && !found.contains(candidate)) {
            found.add(candidate);
        }
    }

    /** {@code text} with every known Secret value or fragment replaced by {@value #MARK}. */
    public String scrub(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String needle : needles) {
            result = result.replace(needle, MARK);
        }
        return result;
    }
}
