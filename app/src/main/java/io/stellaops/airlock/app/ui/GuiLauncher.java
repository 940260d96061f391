package io.stellaops.airlock.app.ui;

import javafx.application.Application;

/**
 * Entry point into the wizard for {@code io.stellaops.airlock.app.Main}.
 *
 * <p>Kept apart from {@link AirlockApplication} on purpose: when the class that holds
 * {@code main} extends {@link Application} and JavaFX sits on the class path (as with
 * {@code java -jar airlock.jar}), the Java launcher refuses to start with "JavaFX runtime
 * components are missing". Launching through a plain class avoids that check; JavaFX then
 * only warns that it was loaded from the unnamed module.
 */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /** Opens the wizard window and blocks until it is closed. */
    public static void launch(String[] args) {
        Application.launch(AirlockApplication.class, args);
    }
}
