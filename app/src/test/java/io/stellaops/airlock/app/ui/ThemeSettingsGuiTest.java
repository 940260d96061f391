package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.settings.Settings;
import io.stellaops.airlock.app.settings.SettingsStore;
import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.ui.common.SettingsNotes;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.common.Theme;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.app.ui.common.UserSettings;
import io.stellaops.airlock.app.ui.common.WizardContext;
import io.stellaops.airlock.app.ui.verify.VerifyService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The theme switch in a real window with a real settings file (in the test's temporary folder):
 * switching to dark restyles the window at once, is saved, is shown checked in every flow, and a
 * window opened later starts dark; the last kit is offered again; a corrupt settings file gives the
 * defaults and a note whose text can be copied. The last kit and bundle folder are offered again.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeSettingsGuiTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theDarkThemeIsSwitchedOnSavedAndKeptForTheNextWindow(FxRobot robot) throws Exception {
        var store = new SettingsStore(dir.resolve("config"));
        MainWindow window = open(UserSettings.load(store));
        assertThat(stage.getScene().getStylesheets()).containsExactlyElementsOf(Theme.LIGHT.stylesheets());

        robot.clickOn("#themeToggle");
        assertThat(stage.getScene().getStylesheets()).containsExactlyElementsOf(Theme.DARK.stylesheets());
        assertThat(store.load().settings().theme()).isEqualTo(Settings.DARK);
        TestWizards.screenshot(stage, "start_dark");

        robot.clickOn("#importJobButton");
        assertThat(robot.lookup("#themeToggle").queryAs(CheckBox.class).isSelected()).isTrue();
        Path kit = Files.createDirectories(dir.resolve("kit"));
        TestWizards.onFx(() -> window.importFlow().orElseThrow().model().chooseKit(kit));
        assertThat(store.load().settings().kit()).hasValue(kit);
        Path bundles = Files.createDirectories(dir.resolve("bundles"));
        TestWizards.onFx(() -> window.importFlow().orElseThrow().model().chooseBundle(bundles.resolve("b.tar.gz")));
        assertThat(store.load().settings().folder("bundle")).hasValue(bundles);
        robot.clickOn("#homeButton");

        MainWindow later = open(UserSettings.load(store));
        assertThat(stage.getScene().getStylesheets()).containsExactlyElementsOf(Theme.DARK.stylesheets());
        assertThat(robot.lookup("#themeToggle").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#importJobButton");
        assertThat(later.importFlow().orElseThrow().model().kitProperty().get()).isEqualTo(kit);
        // The bundle file chooser opens in the folder used last.
        assertThat(later.importFlow().orElseThrow().model().bundleFolderProperty().get()).isEqualTo(bundles);
        robot.clickOn("#themeToggle");
        assertThat(stage.getScene().getStylesheets()).containsExactlyElementsOf(Theme.LIGHT.stylesheets());
        assertThat(store.load().settings().theme()).isEqualTo(Settings.LIGHT);
    }

    @Test
    void theBuildFlowsChoosersOpenInTheSourceAndKeyFoldersUsedLast(FxRobot robot) throws Exception {
        var store = new SettingsStore(dir.resolve("config"));
        MainWindow window = open(UserSettings.load(store));
        robot.clickOn("#buildJobButton");
        Path source = Files.createDirectories(dir.resolve("telemetry-source"));
        Path keys = Files.createDirectories(dir.resolve("keys"));
        TestWizards.onFx(() -> {
            window.buildFlow().orElseThrow().model().chooseSourceFolder(source);
            window.buildFlow().orElseThrow().sign().keyFileProperty().set(keys.resolve("alice.key.pem"));
        });
        assertThat(store.load().settings().folder("source")).hasValue(source);
        assertThat(store.load().settings().folder("key")).hasValue(keys);
        robot.clickOn("#homeButton");

        MainWindow later = open(UserSettings.load(store));
        robot.clickOn("#buildJobButton");
        // The sample stays the default source; only the choosers start where the user was last.
        assertThat(later.buildFlow().orElseThrow().model().useSampleProperty().get()).isTrue();
        assertThat(later.buildFlow().orElseThrow().model().browseFolderProperty().get()).isEqualTo(source);
        assertThat(later.buildFlow().orElseThrow().sign().keyFolderProperty().get()).isEqualTo(keys);
        assertThat(later.buildFlow().orElseThrow().sign().keyFileProperty().get()).isNull();
    }

    @Test
    void aCorruptSettingsFileGivesTheDefaultsAndACopyableNote(FxRobot robot) throws Exception {
        var store = new SettingsStore(Files.createDirectories(dir.resolve("config")));
        Files.writeString(store.file(), "{\"theme\": \"dark\", ");
        UserSettings settings = UserSettings.load(store);
        open(settings);
        assertThat(stage.getScene().getStylesheets()).containsExactlyElementsOf(Theme.LIGHT.stylesheets());
        TestWizards.onFx(() -> SettingsNotes.follow(settings, UiStrings.load(Locale.ENGLISH), stage));
        WaitForAsyncUtils.waitForFxEvents();
        TextArea note = robot.lookup(".dialog-pane .text-area").queryAs(TextArea.class);
        assertThat(note.getText()).startsWith("The settings file " + store.file() + " was not used because it is not valid JSON");
        assertThat(note.isEditable()).isFalse();
        robot.clickOn(".dialog-pane .button");
        // The next change replaces the corrupt file.
        robot.clickOn("#themeToggle");
        assertThat(store.load().note()).isEmpty();
        assertThat(store.load().settings().theme()).isEqualTo(Settings.DARK);
    }

    private MainWindow open(UserSettings settings) throws Exception {
        var context = new WizardContext(UiStrings.load(Locale.ENGLISH), "test", new SynchronousTaskExecutor(),
                TestWizards.CLOCK, dir, Optional.empty(), settings);
        MainWindow window = TestWizards.callOnFx(() -> {
            var opened = new MainWindow(stage, context, BuildService.library(), VerifyService.library(TestWizards.CLOCK));
            opened.show();
            return opened;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }
}
