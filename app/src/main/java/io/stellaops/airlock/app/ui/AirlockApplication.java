package io.stellaops.airlock.app.ui;

import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.settings.SettingsStore;
import io.stellaops.airlock.app.ui.common.DaemonTaskExecutor;
import io.stellaops.airlock.app.ui.common.SettingsNotes;
import io.stellaops.airlock.app.ui.common.UserSettings;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.app.ui.common.WizardContext;
import io.stellaops.airlock.app.ui.verify.VerifyService;
import io.stellaops.airlock.bundle.AirlockVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one main window that starts on the job picker. It reads the
 * environment once (settings, locale, home folder, {@code SOURCE_DATE_EPOCH}), owns the worker threads,
 * and hands both to the window.
 */
public class AirlockApplication extends Application {

    private final DaemonTaskExecutor executor = new DaemonTaskExecutor();

    @Override
    public void start(Stage stage) {
        UserSettings settings = UserSettings.load(SettingsStore.forThisProcess());
        Locale locale = settings.get().language().map(Locale::forLanguageTag).orElse(Locale.getDefault());
        var context = new WizardContext(UiStrings.load(locale), AirlockVersion.current(), executor,
                Clock.systemUTC(), Path.of(System.getProperty("user.home")),
                Optional.ofNullable(System.getenv("SOURCE_DATE_EPOCH")), settings);
        var window = new MainWindow(stage, context, BuildService.library(), VerifyService.library(context.clock()));
        window.show();
        SettingsNotes.follow(settings, context.resources(), stage);
    }

    /** Interrupts work still running, so that a build in progress removes its partial files. */
    @Override
    public void stop() {
        executor.close();
    }
}
