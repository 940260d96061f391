package io.stellaops.airlock.app.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Tells the user, once per distinct problem, that the settings file was not used (corrupt) or
 * could not be saved, with the exact reason in a text that can be copied. Work goes on either way.
 */
public final class SettingsNotes {

    private SettingsNotes() {
    }

    public static void follow(UserSettings settings, java.util.ResourceBundle resources, Window owner) {
        show(settings.problemProperty().get(), resources, owner);
        settings.problemProperty().addListener((observable, previous, problem) -> show(problem, resources, owner));
    }

    private static void show(String problem, java.util.ResourceBundle resources, Window owner) {
        if (problem == null || problem.isEmpty()) {
            return;
        }
        var alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(resources.getString("common.settings.title"));
        alert.setHeaderText(resources.getString("common.settings.header"));
        var text = new TextArea(problem);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(4);
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
