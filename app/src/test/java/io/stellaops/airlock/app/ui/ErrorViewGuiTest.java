package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.common.ErrorView;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.common.UiStrings;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The error view over a real window: the exception and its stack trace, read-only, and Copy puts them on the clipboard. */
@ExtendWith(ApplicationExtension.class)
class ErrorViewGuiTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void showsTheDetailsAndCopiesThemWithoutClosing(FxRobot robot) throws Exception {
        TestWizards.open(stage, new SynchronousTaskExecutor(), dir);
        var error = new IllegalStateException("state no refusal explains");
        Alert alert = TestWizards.callOnFx(() -> ErrorView.show(stage, UiStrings.load(Locale.ENGLISH), error));
        TextArea details = robot.lookup("#errorDetails").queryAs(TextArea.class);
        assertThat(details.getText()).startsWith("java.lang.IllegalStateException: state no refusal explains")
                .contains("at io.stellaops.airlock.app.ui.ErrorViewGuiTest.showsTheDetailsAndCopiesThemWithoutClosing");
        assertThat(details.isEditable()).isFalse();
        assertThat(alert.getHeaderText()).contains("(IllegalStateException)");
        robot.clickOn("#copyErrorButton");
        assertThat(TestWizards.callOnFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(details.getText());
        assertThat(alert.isShowing()).isTrue();
        TestWizards.onFx(alert::close);
    }
}
