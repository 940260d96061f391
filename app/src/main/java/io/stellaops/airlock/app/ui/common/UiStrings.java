package io.stellaops.airlock.app.ui.common;

import java.text.MessageFormat;
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

    /**
     * Formats the string under {@code key} with {@link MessageFormat} in the bundle's own locale,
     * so that numbers in a German window read "12.345" whatever the machine's locale.
     */
    public static String format(ResourceBundle resources, String key, Object... arguments) {
        return new MessageFormat(resources.getString(key), resources.getLocale()).format(arguments);
    }
}
