package io.stellaops.airlock.app.ui.common;

import java.net.URL;
import java.util.List;

/**
 * The colour themes. A theme is its palette (light.css or dark.css, colours only) followed by the
 * shared rules of airlock.css, which look the palette's colours up; so a rule is written once.
 */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private static final String CSS_FOLDER = "/io/stellaops/airlock/app/ui/css/";
    private static final String RULES = "airlock.css";

    private final String palette;

    Theme(String palette) {
        this.palette = palette;
    }

    /** The style sheet URLs, palette first, as {@link javafx.scene.Scene#getStylesheets()} expects them. */
    public List<String> stylesheets() {
        return List.of(url(palette), url(RULES));
    }

    /** The palette's URL alone. */
    public String palette() {
        return url(palette);
    }

    /** The shared rules' URL. */
    public static String rules() {
        return url(RULES);
    }

    private static String url(String fileName) {
        URL url = Theme.class.getResource(CSS_FOLDER + fileName);
        if (url == null) {
            throw new IllegalStateException("style sheet missing: " + CSS_FOLDER + fileName);
        }
        return url.toExternalForm();
    }
}
