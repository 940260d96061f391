package io.stellaops.airlock.app.ui.common;

import io.stellaops.airlock.app.settings.Settings;
import io.stellaops.airlock.app.settings.SettingsStore;
import io.stellaops.airlock.bundle.BundleException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The wizard's settings in memory, observable, and saved through a {@link SettingsStore} at each
 * change (a few hundred bytes, written atomically). Without a store (tests, or a store that failed)
 * they live in memory only. A save that fails is reported in {@link #problemProperty()}, never thrown:
 * losing a remembered folder must not stop an operator's work.
 */
public final class UserSettings {

    private final Optional<SettingsStore> store;
    private final ReadOnlyObjectWrapper<Settings> settings;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    private UserSettings(Optional<SettingsStore> store, Settings initial, String note) {
        this.store = store;
        this.settings = new ReadOnlyObjectWrapper<>(this, "settings", initial);
        problem.set(note);
    }

    /** Loads the store's settings; a corrupt file gives the defaults and its note in {@link #problemProperty()}. */
    public static UserSettings load(SettingsStore store) {
        SettingsStore.Loaded loaded = store.load();
        return new UserSettings(Optional.of(store), loaded.settings(), loaded.note().orElse(""));
    }

    /** Settings that are never saved. */
    public static UserSettings inMemory() {
        return new UserSettings(Optional.empty(), Settings.defaults(), "");
    }

    public Settings get() {
        return settings.get();
    }

    /** Applies {@code change} and saves the result if it differs. */
    public void update(UnaryOperator<Settings> change) {
        Settings changed = change.apply(settings.get());
        if (changed.equals(settings.get())) {
            return;
        }
        settings.set(changed);
        if (store.isPresent()) {
            try {
                store.get().save(changed);
                problem.set("");
            } catch (BundleException e) {
                problem.set(e.getMessage());
            }
        }
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** Why the settings file was not used or not saved; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
