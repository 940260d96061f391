package io.stellaops.airlock.app.ui.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One verdict of the verify screen, as Sparrow shows them: an icon, a bold title ("Signed by")
 * and one line of text. The icon is one of the rendered verdict icons of {@code icons/src/ui}
 * (passed, failed, warning, unknown), chosen by the {@link VerdictStatus}; it is a picture, not a
 * font glyph, so it renders the same whatever fonts are installed. The status is also a CSS
 * pseudo-class, which colours the text.
 */
public final class VerdictLine extends HBox {

    private final Label title = new Label();
    private final Label text = new Label();
    private final ImageView icon = new ImageView();
    private final ObjectProperty<VerdictStatus> status = new SimpleObjectProperty<>(this, "status", VerdictStatus.PENDING);

    public VerdictLine() {
        getStyleClass().add("verdict-line");
        icon.getStyleClass().add("verdict-image");
        icon.setImage(IconImages.named(iconName(status.get())));
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
            icon.setImage(IconImages.named(iconName(next)));
        });
    }

    /** The icon source name for a status: skipped reads as a warning, pending and not reached as unknown. */
    static String iconName(VerdictStatus status) {
        if (status == null) {
            return "verdict-unknown";
        }
        return switch (status) {
            case PASSED -> "verdict-passed";
            case FAILED -> "verdict-failed";
            case SKIPPED -> "verdict-warning";
            case PENDING, NOT_REACHED -> "verdict-unknown";
        };
    }

    /** The icon on screen, for the tests. */
    ImageView icon() {
        return icon;
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
