package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.AirlockVersion;
import java.util.List;

/**
 * What {@code airlock --version} prints: Airlock's version, which every manifest and report also
 * records, and the Java runtime. Free of picocli, so that {@link io.stellaops.airlock.app.Main} can
 * answer {@code --version} before the command tree (about a thousand classes) is built.
 */
public final class VersionText {
    private VersionText() {
    }

    public static List<String> lines() {
        return List.of("airlock " + AirlockVersion.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    }

    /** {@code --version} or {@code -V} alone: the arguments picocli would answer with the version. */
    public static boolean isVersionRequest(String[] args) {
        return args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
    }
}
