package io.stellaops.airlock.app.ui.common;

import io.stellaops.airlock.app.settings.Settings;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The light/dark switch at the foot of a view's left column ({@code .brand-column}), above Home
 * where there is one. It writes the theme into the settings, which the window follows and saves.
 */
public final class ThemeToggle {

    public static final String ID = "themeToggle";

    private ThemeToggle() {
    }

    /** Adds the switch to {@code view}'s left column, once; a view without one is left as it is. */
    public static void install(Parent view, ResourceBundle resources, UserSettings settings) {
        Node column = view.lookup(".brand-column");
        if (!(column instanceof VBox box) || box.lookup("#" + ID) != null) {
            return;
        }
        var toggle = new CheckBox(resources.getString("common.theme.dark"));
        toggle.setId(ID);
        toggle.setMnemonicParsing(true);
        toggle.getStyleClass().add("theme-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setSelected(Settings.DARK.equals(settings.get().theme()));
        toggle.selectedProperty().addListener((observable, was, dark) ->
                settings.update(s -> s.withTheme(dark ? Settings.DARK : Settings.LIGHT)));
        // Weakly: a flow's view, and its switch, are dropped when the user goes Home.
        javafx.beans.value.ChangeListener<Settings> follow = (observable, previous, now) ->
                toggle.setSelected(Settings.DARK.equals(now.theme()));
        toggle.getProperties().put(ThemeToggle.class, follow);
        settings.settingsProperty().addListener(new javafx.beans.value.WeakChangeListener<>(follow));
        int at = box.getChildren().size();
        if (at > 0 && box.getChildren().get(at - 1) instanceof Button home && home.getStyleClass().contains("home-button")) {
            at--;
        }
        // At the foot of the column, as in the flows, whose column already has a growing gap.
        boolean grows = box.getChildren().stream().anyMatch(child -> VBox.getVgrow(child) == Priority.ALWAYS);
        if (!grows) {
            var gap = new Region();
            VBox.setVgrow(gap, Priority.ALWAYS);
            box.getChildren().add(at++, gap);
        }
        box.getChildren().add(at, toggle);
    }
}
