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
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: one main window that starts on the job picker. It reads the
 * environment once (settings, locale, home folder, {@code SOURCE_DATE_EPOCH}), owns the worker threads,
 * and hands both to the window.
 *
 * <p>Once the window is on screen it logs how long that took since the process started; with the
 * system property {@value #STARTUP_MARKER} set it also prints that line to standard error, which
 * is how {@code docs/performance.md} measures the time to the first window.
 */
public class AirlockApplication extends Application {

    /** The system property that makes the start-up line go to standard error too. */
    public static final String STARTUP_MARKER = "airlock.startup.marker";

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
        reportStartup();
    }

    private static void reportStartup() {
        // The JVM's start time has millisecond precision; the process start time of ProcessHandle is
        // derived from the boot time in whole seconds on Linux and was seen up to a second early.
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        String line = "first window shown " + (System.currentTimeMillis() - started) + " ms after the JVM started (Airlock "
                + AirlockVersion.current() + ")";
        // The logger is fetched only now, so that configuring Logback does not delay the window.
        LoggerFactory.getLogger(AirlockApplication.class).info(line);
        if (Boolean.getBoolean(STARTUP_MARKER)) {
            System.err.println("airlock: " + line);
        }
    }

    /** Interrupts work still running, so that a build in progress removes its partial files. */
    @Override
    public void stop() {
        executor.close();
    }
}
