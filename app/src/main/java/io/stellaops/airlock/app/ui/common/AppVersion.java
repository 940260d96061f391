package io.stellaops.airlock.app.ui.common;

import java.util.Optional;

/** The version shown to the operator. */
public final class AppVersion {

    static final String DEVELOPMENT = "dev";

    private AppVersion() {
    }

    /**
     * The {@code Implementation-Version} of the airlock jar, or {@value #DEVELOPMENT} when
     * running from classes (IDE, tests).
     *
     * <p>Read through this class rather than {@code Main}: the attribute belongs to the jar's
     * main manifest section, so every package in the jar reports the same value, and the UI
     * need not depend on the CLI entry point.
     */
    public static String current() {
        return Optional.ofNullable(AppVersion.class.getPackage())
                .map(Package::getImplementationVersion)
                .filter(version -> !version.isBlank())
                .orElse(DEVELOPMENT);
    }
}
