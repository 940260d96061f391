package io.stellaops.airlock.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Airlock, read once from a resource the build writes, so that the CLI, the
 * wizard and every manifest and report name the same version.
 */
public final class AirlockVersion {
    private static final String VERSION = load();

    private AirlockVersion() {
    }

    /** The version, for example {@code 0.1.0}; "dev" when the resource is missing. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AirlockVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Airlock's version resource", e);
        }
    }
}
