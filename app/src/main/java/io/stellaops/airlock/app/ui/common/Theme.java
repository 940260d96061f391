package io.stellaops.airlock.app.ui.common;

import java.net.URL;

/** The colour themes; both style sheets define the same selectors. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private static final String CSS_FOLDER = "/io/stellaops/airlock/app/ui/css/";

    private final String fileName;

    Theme(String fileName) {
        this.fileName = fileName;
    }

    /** The style sheet URL as {@link javafx.scene.Scene#getStylesheets()} expects it. */
    public String stylesheet() {
        URL url = Theme.class.getResource(CSS_FOLDER + fileName);
        if (url == null) {
            throw new IllegalStateException("style sheet missing: " + CSS_FOLDER + fileName);
        }
        return url.toExternalForm();
    }
}
