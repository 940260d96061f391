package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.build.BuildModel;
import io.stellaops.airlock.app.ui.build.BuildRun;
import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.ui.build.BuildStep;
import io.stellaops.airlock.app.ui.common.DaemonTaskExecutor;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.controls.StepList;
import io.stellaops.airlock.app.ui.verify.VerifyService;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the build flow in a real window: the embedded sample, the metadata step's inline
 * validation, the output file (set through the model, as the file chooser would), the build,
 * and the result, which the library then verifies. The file choosers themselves are not opened.
 */
@ExtendWith(ApplicationExtension.class)
class BuildFlowGuiTest {

    @TempDir
    Path home;

    private Stage stage;
    private DaemonTaskExecutor threads;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stopThreads() {
        if (threads != null) {
            threads.close();
        }
    }

    @Test
    void buildsTheEmbeddedSampleIntoTheChosenFileAndTheLibraryVerifiesIt(FxRobot robot) throws Exception {
        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), home);
        robot.clickOn("#buildJobButton");
        BuildModel model = window.buildFlow().orElseThrow().model();

        assertThat(robot.lookup("#sampleRadio").queryAs(RadioButton.class).isSelected()).isTrue();
        assertCurrentStep(robot, 0, "Source");
        TestWizards.screenshot(stage, "build_source");
        robot.clickOn("#nextButton");

        assertThat(model.stepProperty().get()).isEqualTo(BuildStep.METADATA);
        assertCurrentStep(robot, 1, "Bundle details");
        assertThat(robot.lookup("#versionField").queryAs(TextField.class).getText()).isEqualTo("2026.11.25-120000");
        assertThat(robot.lookup("#generationField").queryAs(TextField.class).getText()).isEqualTo("1795608000");
        TestWizards.screenshot(stage, "build_metadata");
        robot.clickOn("#backButton");
        robot.clickOn("#nextButton");
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText())
                .as("Back keeps what was entered").isEqualTo("telemetry-offline-bundle");
        robot.clickOn("#nextButton");

        assertThat(model.stepProperty().get()).isEqualTo(BuildStep.OUTPUT);
        Path output = home.resolve("out").resolve("bundle.tar.gz");
        Files.createDirectories(output.getParent());
        TestWizards.onFx(() -> model.chooseOutput(output));
        assertThat(robot.lookup("#outputLabel").queryAs(Label.class).getText()).isEqualTo(output.toString());
        TestWizards.screenshot(stage, "build_output");
        robot.clickOn("#buildButton");

        assertThat(model.stepProperty().get()).isEqualTo(BuildStep.RUN);
        assertThat(window.buildFlow().orElseThrow().run().stateProperty().get()).isEqualTo(BuildRun.State.SUCCEEDED);
        assertThat(robot.lookup("#succeededPane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#signNote").query().isVisible()).as("signing named as coming, not offered").isTrue();
        TestWizards.screenshot(stage, "build_run");

        assertThat(output).isNotEmptyFile();
        VerificationReport report = TestWizards.verifier().verifyIntegrity(output);
        assertThat(report.verified()).isTrue();
        assertThat(robot.lookup("#archiveField").queryAs(TextField.class).getText()).isEqualTo(output.toString());
        assertThat(robot.lookup("#sha256Field").queryAs(TextField.class).getText()).isEqualTo(report.archiveSha256().orElseThrow());
        assertThat(robot.lookup("#filesLabel").queryAs(Label.class).getText())
                .startsWith(report.files().size() + " files, ");
        assertThat(report.manifest().orElseThrow().version()).isEqualTo("2026.11.25-120000");

        robot.clickOn("#backButton");
        assertThat(model.stepProperty().get()).isEqualTo(BuildStep.OUTPUT);
        robot.clickOn("#homeButton");
        assertThat(window.startModel().getSelectedJob()).isNull();
        assertThat(robot.lookup("#buildJobButton").tryQuery()).isPresent();
    }

    @Test
    void invalidMetadataShowsTheLibraryRuleInlineAndDisablesNext(FxRobot robot) throws Exception {
        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), home);
        robot.clickOn("#buildJobButton").clickOn("#nextButton");
        BuildModel model = window.buildFlow().orElseThrow().model();

        robot.doubleClickOn("#nameField").eraseText(40).write("Bad Name");
        TestWizards.onFx(() -> model.generationProperty().set("soon"));
        TestWizards.onFx(() -> model.expiresInProperty().set("forever"));

        assertThat(model.nameProperty().get()).isEqualTo("Bad Name");
        assertThat(text(robot, "#nameHint")).isEqualTo("name must be 1-64 characters of lowercase letters, digits and '-',"
                + " starting with a letter or digit");
        assertThat(text(robot, "#generationHint")).isEqualTo("generation must be a whole number");
        assertThat(text(robot, "#expiresInHint")).isEqualTo("duration 'forever' is not of the form 90d, 12h, 30m, 45s, 2w or P90D");
        assertThat(text(robot, "#versionHint")).as("valid fields keep their hint").startsWith("Letters, digits");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();
        TestWizards.screenshot(stage, "build_metadata_invalid");

        TestWizards.onFx(() -> {
            model.nameProperty().set("telemetry-offline-bundle");
            model.generationProperty().set("8");
            model.expiresInProperty().set("P30D");
        });
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void anExistingOutputNeedsReplaceAndALibraryRefusalShowsItsMessageInline(FxRobot robot) throws Exception {
        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), home);
        robot.clickOn("#buildJobButton").clickOn("#nextButton").clickOn("#nextButton");
        BuildModel model = window.buildFlow().orElseThrow().model();
        Path taken = Files.writeString(home.resolve("taken.tar.gz"), "keep");

        TestWizards.onFx(() -> model.chooseOutput(taken));
        assertThat(robot.lookup("#existsNote").query().isVisible()).isTrue();
        assertThat(robot.lookup("#buildButton").queryButton().isDisabled()).isTrue();
        TestWizards.screenshot(stage, "build_output_exists");
        robot.clickOn("#replaceCheck");
        assertThat(robot.lookup("#buildButton").queryButton().isDisabled()).isFalse();

        Path missingFolder = home.resolve("missing");
        TestWizards.onFx(() -> model.chooseOutput(missingFolder.resolve("bundle.tar.gz")));
        robot.clickOn("#buildButton");

        assertThat(robot.lookup("#failedPane").query().isVisible()).isTrue();
        // The same words as "airlock: build: output folder ... does not exist" on the command line.
        assertThat(text(robot, "#errorLabel")).isEqualTo("output folder " + missingFolder + " does not exist");
        assertThat(Files.readString(taken)).isEqualTo("keep");
        TestWizards.screenshot(stage, "build_run_failed");
    }

    @Test
    void cancellingInterruptsTheLibraryWhichLeavesNoFileBehind(FxRobot robot) throws Exception {
        var firstProgress = new CountDownLatch(1);
        var thrown = new AtomicReference<BundleException>();
        // Holds the build at its first progress report until the cancel's interrupt arrives.
        BuildService held = (request, progress) -> {
            try {
                return BuildService.library().build(request, (phase, done, total) -> {
                    progress.onProgress(phase, done, total);
                    if (firstProgress.getCount() > 0) {
                        firstProgress.countDown();
                        awaitInterrupt();
                    }
                });
            } catch (BundleException e) {
                thrown.set(e);
                throw e;
            }
        };
        threads = new DaemonTaskExecutor();
        MainWindow window = TestWizards.open(stage, Locale.ENGLISH, threads, home, held, VerifyService.library(TestWizards.CLOCK));
        robot.clickOn("#buildJobButton").clickOn("#nextButton").clickOn("#nextButton");
        BuildRun run = window.buildFlow().orElseThrow().run();
        Path output = home.resolve("cancelled.tar.gz");
        TestWizards.onFx(() -> window.buildFlow().orElseThrow().model().chooseOutput(output));

        robot.clickOn("#buildButton");
        assertThat(firstProgress.await(20, TimeUnit.SECONDS)).as("the build reported progress").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.stateProperty().get()).isEqualTo(BuildRun.State.RUNNING);
        assertThat(robot.lookup("#progressBar").queryAs(ProgressBar.class).getProgress()).isGreaterThan(0);
        assertThat(text(robot, "#phaseLabel")).isEqualTo("Step 1 of 2: reading and hashing every source file");
        assertThat(robot.lookup("#homeButton").queryButton().isDisabled()).as("no leaving mid-build").isTrue();
        TestWizards.screenshot(stage, "build_run_progress");

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> run.stateProperty().get() == BuildRun.State.CANCELLED);

        assertThat(thrown.get()).as("the library saw the interrupt").isNotNull();
        assertThat(thrown.get().failure()).isEqualTo(Failure.CANCELLED);
        assertThat(robot.lookup("#cancelledPane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#retryButton").queryButton().isVisible()).isTrue();
        assertThat(output).doesNotExist();
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.map(Path::getFileName).map(Path::toString).toList()).as("no partial files").isEmpty();
        }
        assertThat(robot.lookup("#homeButton").queryButton().isDisabled()).isFalse();
        TestWizards.screenshot(stage, "build_run_cancelled");
    }

    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertCurrentStep(FxRobot robot, int index, String title) {
        StepList steps = robot.lookup(".step-list").queryAs(StepList.class);
        assertThat(steps.currentProperty().get()).isEqualTo(index);
        List<Node> labels = steps.getChildren();
        assertThat(labels.get(index).getStyleClass()).contains("step-current");
        assertThat(((Label) labels.get(index)).getText()).isEqualTo((index + 1) + "  " + title);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
