package io.stellaops.airlock.app.ui.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One verdict of the verify screen, as Sparrow shows them: an icon, a bold title ("Signed by")
 * and one line of text. The icon is a CSS-shaped region ({@code -fx-shape}) chosen by the
 * {@link VerdictStatus} pseudo-class, so it renders the same whatever fonts are installed.
 */
public final class VerdictLine extends HBox {

    private final Label title = new Label();
    private final Label text = new Label();
    private final ObjectProperty<VerdictStatus> status = new SimpleObjectProperty<>(this, "status", VerdictStatus.PENDING);

    public VerdictLine() {
        getStyleClass().add("verdict-line");
        var icon = new Region();
        icon.getStyleClass().add("verdict-icon");
        title.getStyleClass().add("verdict-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        text.getStyleClass().add("verdict-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        // A label's minimum height is one line; a long refusal reason must wrap, not be ellipsized.
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(icon, title, text);
        pseudoClassStateChanged(status.get().pseudoClass(), true);
        status.addListener((observable, previous, next) -> {
            if (previous != null) {
                pseudoClassStateChanged(previous.pseudoClass(), false);
            }
            if (next != null) {
                pseudoClassStateChanged(next.pseudoClass(), true);
            }
        });
    }

    public StringProperty titleProperty() {
        return title.textProperty();
    }

    public String getTitle() {
        return title.getText();
    }

    /** For FXML: {@code <VerdictLine title="%verify.result.signedBy"/>}. */
    public void setTitle(String value) {
        title.setText(value);
    }

    public StringProperty textProperty() {
        return text.textProperty();
    }

    public ObjectProperty<VerdictStatus> statusProperty() {
        return status;
    }

    public VerdictStatus getStatus() {
        return status.get();
    }
}
