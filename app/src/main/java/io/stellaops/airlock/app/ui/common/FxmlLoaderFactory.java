package io.stellaops.airlock.app.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads {@code fxml/<name>.fxml} with the UI strings and controllers built by the caller.
 *
 * <p>Controllers come from a map of suppliers instead of FXMLLoader's no-argument constructor
 * call, so every controller receives its model through its constructor and a missing entry
 * fails loudly instead of yielding a controller without dependencies.
 */
public final class FxmlLoaderFactory {

    private static final String FXML_FOLDER = "/io/stellaops/airlock/app/ui/fxml/";

    private final ResourceBundle resources;
    private final Map<Class<?>, Supplier<?>> controllers;

    public FxmlLoaderFactory(ResourceBundle resources, Map<Class<?>, Supplier<?>> controllers) {
        this.resources = resources;
        this.controllers = Map.copyOf(controllers);
    }

    /** Loads the named view, for example {@code start_main}. */
    public Parent load(String name) {
        URL location = FxmlLoaderFactory.class.getResource(FXML_FOLDER + name + ".fxml");
        if (location == null) {
            throw new IllegalArgumentException("no FXML view named " + name + " under " + FXML_FOLDER);
        }
        var loader = new FXMLLoader(location, resources);
        loader.setControllerFactory(this::controllerFor);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load FXML view " + name, e);
        }
    }

    private Object controllerFor(Class<?> type) {
        Supplier<?> supplier = controllers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("no controller registered for " + type.getName());
        }
        return supplier.get();
    }
}
