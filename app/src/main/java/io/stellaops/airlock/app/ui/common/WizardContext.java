package io.stellaops.airlock.app.ui.common;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What every flow of the wizard window needs from outside: its strings, the version to show, the
 * executor for background work, the clock, the user's home folder (default output location) and
 * {@code SOURCE_DATE_EPOCH}, which the build defaults honour as the CLI does, and the saved settings. Read once at start
 * ({@code AirlockApplication}) and passed in, so that tests substitute every one of them.
 *
 * @param resources       the UI strings
 * @param version         the application version shown in the left column
 * @param executor        runs background work
 * @param clock           the wizard's notion of now
 * @param homeFolder      where outputs go unless the user chooses otherwise
 * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} environment variable, if set
 * @param settings        what the wizard remembers between runs
 */
public record WizardContext(
        ResourceBundle resources,
        String version,
        TaskExecutor executor,
        Clock clock,
        Path homeFolder,
        Optional<String> sourceDateEpoch,
        UserSettings settings) {

    /** A context whose settings live in memory only. */
    public WizardContext(ResourceBundle resources, String version, TaskExecutor executor, Clock clock, Path homeFolder,
            Optional<String> sourceDateEpoch) {
        this(resources, version, executor, clock, homeFolder, sourceDateEpoch, UserSettings.inMemory());
    }

    public WizardContext {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(homeFolder, "homeFolder");
        Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
        Objects.requireNonNull(settings, "settings");
    }
}
