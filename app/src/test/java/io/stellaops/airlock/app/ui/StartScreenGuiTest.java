package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.common.Theme;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.app.ui.common.WizardContext;
import io.stellaops.airlock.app.ui.start.Job;
import io.stellaops.airlock.app.ui.verify.VerifyService;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the real start screen in a real window and drives it with the mouse.
 *
 * <p>Needs an X server: run under Xvfb, for example
 * {@code xvfb-run -a mvn -q -pl app -am test -Dtest='StartScreenGuiTest,I18nKeysTest'
 * -Dsurefire.failIfNoSpecifiedTests=false} from the repository root; without a display the
 * test fails at start-up rather than skipping. The surefire configuration sets
 * {@code testfx.robot=glass} (no AWT robot) and {@code prism.order=sw} (no GPU under Xvfb).
 * Screenshots land in {@code app/target/screenshots/} for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class StartScreenGuiTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // English explicitly: the assertions below read English text whatever the machine's locale.
        window = new MainWindow(stage, context(Locale.ENGLISH, "test"), BuildService.library(),
                VerifyService.library(TestWizards.CLOCK));
        window.show();
    }

    @Test
    void offersTheThreeJobsWithTitleMnemonicAndAccessibleText(FxRobot robot) {
        assertJobButton(robot, "#buildJobButton", "Build and sign a bundle");
        assertJobButton(robot, "#verifyJobButton", "Verify a bundle");
        assertJobButton(robot, "#importJobButton", "Import and bootstrap");
        assertThat(stage.getTitle()).isEqualTo("Airlock");
        assertThat(stage.getMinWidth()).isEqualTo(MainWindow.MIN_WIDTH);
        assertThat(stage.getMinHeight()).isEqualTo(MainWindow.MIN_HEIGHT);
        assertThat(robot.lookup(hasText("No cluster, key or network is needed to start.")).query().isVisible())
                .isTrue();
        assertThat(robot.lookup(hasText("Version test")).tryQuery()).isPresent();
    }

    @Test
    void choosingImportRecordsTheJobAndShowsThePlaceholder(FxRobot robot) throws Exception {
        assertThat(window.startModel().getSelectedJob()).isNull();

        robot.clickOn("#importJobButton");

        assertThat(window.startModel().getSelectedJob()).isEqualTo(Job.IMPORT);
        Node placeholder = robot.lookup("#placeholder").query();
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getScene().getWindow()).isSameAs(stage);
        assertThat(robot.lookup("#jobTitleLabel").queryAs(Label.class).getText()).isEqualTo("Import and bootstrap");
        assertThat(robot.lookup(hasText("The guided flow for this job comes next.")).tryQuery()).isPresent();
        assertThat(robot.lookup("#verifyJobButton").tryQuery()).as("job buttons gone").isEmpty();
        assertThat(placeholder.getScene().getRoot().getLayoutBounds().getWidth())
                .as("the placeholder fills the window").isEqualTo(stage.getScene().getWidth());
        PngSnapshots.write(snapshot(), SCREENSHOTS.resolve("start_next.png"));
    }

    @Test
    void noTextIsCutOffAtTheMinimumWindowSizeInAnyLanguage() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            List<String> cut = WaitForAsyncUtils.asyncFx(() -> labelsCutAtMinimumSize(locale)).get();
            assertThat(cut).as("labels shortened with an ellipsis in " + locale).isEmpty();
        }
    }

    @Test
    void altAndTheMnemonicLetterChoosesTheJob(FxRobot robot) {
        robot.press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT);

        assertThat(window.startModel().getSelectedJob()).isEqualTo(Job.VERIFY);
    }

    @Test
    void backFromThePlaceholderReturnsToTheJobs(FxRobot robot) {
        robot.clickOn("#importJobButton");
        assertThat(window.startModel().getSelectedJob()).isEqualTo(Job.IMPORT);

        robot.clickOn("#backButton");

        assertThat(window.startModel().getSelectedJob()).isNull();
        assertThat(robot.lookup("#buildJobButton").queryButton().isVisible()).isTrue();
    }

    @Test
    void savesScreenshotsOfTheStartScreenInBothThemes() throws Exception {
        Path light = SCREENSHOTS.resolve("start_main.png");
        PngSnapshots.write(snapshot(), light);
        assertThat(light).isNotEmptyFile();

        WaitForAsyncUtils.asyncFx(() -> window.useTheme(Theme.DARK)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Path dark = SCREENSHOTS.resolve("start_main_dark.png");
        PngSnapshots.write(snapshot(), dark);
        assertThat(dark).isNotEmptyFile();
    }

    private static WizardContext context(Locale locale, String version) {
        return new WizardContext(UiStrings.load(locale), version, new SynchronousTaskExecutor(), TestWizards.CLOCK,
                Path.of(System.getProperty("java.io.tmpdir")), Optional.empty());
    }

    private WritableImage snapshot() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
    }

    /** Opens a second window at the minimum size and lists the one-line labels that do not fit. */
    private static List<String> labelsCutAtMinimumSize(Locale locale) {
        var minimal = new Stage();
        try {
            var window = new MainWindow(minimal, context(locale, "0.0.0-SNAPSHOT"), BuildService.library(),
                    VerifyService.library(TestWizards.CLOCK));
            minimal.setWidth(MainWindow.MIN_WIDTH);
            minimal.setHeight(MainWindow.MIN_HEIGHT);
            window.show();
            Parent root = minimal.getScene().getRoot();
            root.applyCss();
            root.layout();
            return root.lookupAll(".label").stream()
                    .map(Label.class::cast)
                    .filter(label -> !label.isWrapText() && label.getWidth() < label.prefWidth(-1))
                    .map(label -> label.getText() + " (" + label.getWidth() + " < " + label.prefWidth(-1) + ")")
                    .toList();
        } finally {
            minimal.close();
        }
    }

    private static void assertJobButton(FxRobot robot, String query, String englishTitle) {
        Button button = robot.lookup(query).queryButton();
        assertThat(button.isVisible()).as(query + " visible").isTrue();
        assertThat(button.getWidth()).as(query + " laid out").isPositive();
        assertThat(button.isMnemonicParsing()).as(query + " mnemonic parsing").isTrue();
        assertThat(button.getText()).as(query + " text with mnemonic").isEqualTo("_" + englishTitle);
        assertThat(button.getAccessibleText()).as(query + " accessible text").startsWith(englishTitle);
        Label title = robot.from(button).lookup(".job-title").queryAs(Label.class);
        assertThat(title.isVisible()).as(query + " title visible").isTrue();
        assertThat(title.getText().replaceFirst("_", "")).as(query + " title as shown").isEqualTo(englishTitle);
        Label description = robot.from(button).lookup(".job-description").queryAs(Label.class);
        assertThat(description.getText()).as(query + " description").isNotBlank();
    }
}
