package io.stellaops.airlock.bundle.manifest;

import io.stellaops.airlock.bundle.AirlockVersion;
import java.util.regex.Pattern;

/**
 * The tool that wrote a bundle, recorded so that a reviewer can tell which version built it.
 *
 * @param name    tool name, for example {@code airlock}
 * @param version tool version
 */
public record Producer(String name, String version) {
    private static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]{0,63}");

    public Producer {
        if (name == null || !TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("producer name must be 1-64 characters of [0-9A-Za-z._+-]");
        }
        if (version == null || !TOKEN.matcher(version).matches()) {
            throw new IllegalArgumentException("producer version must be 1-64 characters of [0-9A-Za-z._+-]");
        }
    }

    /** This library as producer, at its own version. */
    public static Producer airlock() {
        return new Producer("airlock", AirlockVersion.current());
    }
}
