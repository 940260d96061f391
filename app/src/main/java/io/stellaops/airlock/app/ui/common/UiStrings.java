package io.stellaops.airlock.app.ui.common;

import java.util.Locale;
import java.util.ResourceBundle;

/** The wizard's translated strings ({@code i18n/strings*.properties}). */
public final class UiStrings {

    public static final String BASE_NAME = "io.stellaops.airlock.app.ui.i18n.strings";

    private UiStrings() {
    }

    /**
     * Loads the strings for a locale, falling back to English only.
     *
     * <p>The default lookup would fall back to the JVM's default locale first, so asking for
     * English on a German machine would silently return German; tests and a future language
     * setting need the locale they ask for.
     */
    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BASE_NAME, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
