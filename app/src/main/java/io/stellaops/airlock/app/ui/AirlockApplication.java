package io.stellaops.airlock.app.ui;

import io.stellaops.airlock.bundle.AirlockVersion;
import io.stellaops.airlock.app.ui.common.UiStrings;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window that starts on the job picker. */
public class AirlockApplication extends Application {

    @Override
    public void start(Stage stage) {
        var window = new MainWindow(stage, UiStrings.load(Locale.getDefault()), AirlockVersion.current());
        window.show();
    }
}
