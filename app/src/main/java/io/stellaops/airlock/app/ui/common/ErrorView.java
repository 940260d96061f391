package io.stellaops.airlock.app.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * The view of an error that no refusal of the library explains (a bug, a broken installation):
 * what happened in one line, and the details (exception and stack trace) in a read-only text with a
 * button that copies them, for a bug report. Library refusals never come here: they are shown
 * inline, next to the field or step they concern, with their exact reason.
 */
public final class ErrorView {

    private ErrorView() {
    }

    /** Shows {@code error} without blocking; the user closes it and goes on. */
    public static Alert show(Window owner, ResourceBundle resources, Throwable error) {
        String details = details(error);
        ButtonType copy = new ButtonType(resources.getString("common.error.copy"), ButtonBar.ButtonData.LEFT);
        var alert = new Alert(Alert.AlertType.ERROR, "", copy, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(resources.getString("common.error.title"));
        alert.setHeaderText(UiStrings.format(resources, "common.error.header", error.getClass().getSimpleName()));
        var text = new TextArea(details);
        text.setId("errorDetails");
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(12);
        text.setPrefColumnCount(70);
        alert.getDialogPane().setContent(text);
        // Copy must not close the dialog: consume its action.
        alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            var content = new ClipboardContent();
            content.putString(details);
            Clipboard.getSystemClipboard().setContent(content);
            event.consume();
        });
        alert.getDialogPane().lookupButton(copy).setId("copyErrorButton");
        alert.show();
        return alert;
    }

    static String details(Throwable error) {
        var out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
