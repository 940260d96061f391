package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.ui.common.DaemonTaskExecutor;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.controls.VerdictLine;
import io.stellaops.airlock.app.ui.controls.VerdictStatus;
import io.stellaops.airlock.app.ui.verify.VerifyModel;
import io.stellaops.airlock.app.ui.verify.VerifyService;
import io.stellaops.airlock.app.ui.verify.VerifyStep;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.verify.CheckStatus;
import io.stellaops.airlock.bundle.verify.FileResult;
import io.stellaops.airlock.bundle.verify.ReportJson;
import io.stellaops.airlock.bundle.verify.VerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * Verifies bundles in a real window: a good one reads as three positive verdicts (the signature
 * line says, in the library's words, that no signature was checked), a tampered one shows the
 * library's refusal inline, and a verification overtaken by a newer one never reaches the screen.
 * Bundles are chosen through the model, as the file chooser and a drop would.
 */
@ExtendWith(ApplicationExtension.class)
class VerifyFlowGuiTest {

    @TempDir
    Path dir;

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
    void aGoodBundleReadsAsThreePositiveVerdictsAndItsReportExports(FxRobot robot) throws Exception {
        Path good = TestWizards.buildBundle(dir, "good.tar.gz");
        threads = new DaemonTaskExecutor();
        MainWindow window = TestWizards.open(stage, threads, dir);
        robot.clickOn("#verifyJobButton");
        VerifyModel model = window.verifyFlow().orElseThrow().model();
        assertThat(robot.lookup("#verifyButton").queryButton().isDisabled()).isTrue();

        TestWizards.onFx(() -> model.chooseBundle(good));
        assertThat(text(robot, "#bundleLabel")).isEqualTo(good.toString());
        TestWizards.screenshot(stage, "verify_choose");
        robot.clickOn("#verifyButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.stateProperty().get() == VerifyModel.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        int files = model.reportProperty().get().files().size();
        assertThat(files).isEqualTo(10);
        assertVerdict(robot, "#signedByLine", VerdictStatus.SKIPPED, "not checked: no trust policy given (integrity only)");
        assertVerdict(robot, "#contentsLine", VerdictStatus.PASSED, "10 files matched the manifest");
        assertVerdict(robot, "#verifiedLine", VerdictStatus.PASSED, "yes (integrity only: no signature was checked)");
        TableView<?> table = robot.lookup("#fileTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(files)
                .allSatisfy(row -> assertThat(((FileResult) row).status()).isEqualTo(CheckStatus.PASSED));
        assertThat(text(robot, "#bundleDetailsLabel")).startsWith("telemetry-offline-bundle 2026.11.25-120000, generation 1795608000");
        TestWizards.screenshot(stage, "verify_result");

        Path evidence = dir.resolve("evidence.json");
        TestWizards.onFx(() -> model.exportReport(evidence));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.exportedToProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        // Byte for byte what "airlock bundle verify --json" prints for the same report.
        String cliJson = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(ReportJson.report(model.reportProperty().get())) + "\n";
        assertThat(Files.readString(evidence)).isEqualTo(cliJson).contains("\n  \"verdict\" : \"verified\"");
        assertThat(text(robot, "#exportLabel")).isEqualTo("Report written to " + evidence);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }

        robot.clickOn("#backButton");
        assertThat(model.stepProperty().get()).isEqualTo(VerifyStep.CHOOSE);
        assertThat(text(robot, "#bundleLabel")).as("Back keeps the chosen bundle").isEqualTo(good.toString());
    }

    @Test
    void aTamperedBundleIsRefusedWithTheLibrarysReasonInline(FxRobot robot) throws Exception {
        Path good = TestWizards.buildBundle(dir, "good.tar.gz");
        Path appended = TestWizards.withGarbageAppended(good, dir.resolve("appended.tar.gz"));
        Path flipped = TestWizards.withByteFlipped(good, dir.resolve("flipped.tar.gz"));
        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), dir);
        robot.clickOn("#verifyJobButton");
        VerifyModel model = window.verifyFlow().orElseThrow().model();

        TestWizards.onFx(() -> model.chooseBundle(appended));
        robot.clickOn("#verifyButton");

        assertVerdict(robot, "#verifiedLine", VerdictStatus.FAILED, "NO: " + refusal(appended));
        assertThat(robot.lookup("#contentsLine").queryAs(VerdictLine.class).getStatus()).isEqualTo(VerdictStatus.FAILED);
        assertThat(robot.lookup("#exportButton").queryButton().isDisabled()).as("a refusal is evidence too").isFalse();
        TestWizards.screenshot(stage, "verify_result_refused");

        TestWizards.onFx(() -> model.verify(flipped));
        assertVerdict(robot, "#verifiedLine", VerdictStatus.FAILED, "NO: " + refusal(flipped));
        assertThat(text(robot, "#bundleNameLabel")).isEqualTo("flipped.tar.gz");
    }

    @Test
    void aNewVerificationCancelsTheOneInFlightAndItsLateResultNeverShows(FxRobot robot) throws Exception {
        Path good = TestWizards.buildBundle(dir, "good.tar.gz");
        Path tampered = TestWizards.withGarbageAppended(good, dir.resolve("tampered.tar.gz"));
        VerifyService library = VerifyService.library(TestWizards.CLOCK);
        var slowStarted = new CountDownLatch(1);
        var releaseSlow = new CountDownLatch(1);
        var slowFinished = new CountDownLatch(1);
        var slowWasInterrupted = new AtomicBoolean();
        // The good bundle's verification ignores the cancel and later returns "verified": the
        // late, stale result a slow library call could deliver after the user moved on.
        VerifyService service = (archive, progress) -> {
            if (!archive.equals(good)) {
                return library.verify(archive, progress);
            }
            slowStarted.countDown();
            while (true) {
                try {
                    releaseSlow.await();
                    break;
                } catch (InterruptedException e) {
                    slowWasInterrupted.set(true);
                }
            }
            try {
                return library.verify(archive, ProgressListener.NONE);
            } finally {
                slowFinished.countDown();
            }
        };
        threads = new DaemonTaskExecutor();
        MainWindow window = TestWizards.open(stage, Locale.ENGLISH, threads, dir, BuildService.library(), service);
        robot.clickOn("#verifyJobButton");
        VerifyModel model = window.verifyFlow().orElseThrow().model();

        TestWizards.onFx(() -> model.verify(good));
        assertThat(slowStarted.await(20, TimeUnit.SECONDS)).isTrue();
        assertVerdict(robot, "#verifiedLine", VerdictStatus.PENDING, "checking…");
        TestWizards.screenshot(stage, "verify_result_running");

        TestWizards.onFx(() -> model.verify(tampered));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.stateProperty().get() == VerifyModel.State.DONE);
        assertThat(model.reportProperty().get().archiveName()).isEqualTo("tampered.tar.gz");
        assertVerdict(robot, "#verifiedLine", VerdictStatus.FAILED, "NO: " + refusal(tampered));

        releaseSlow.countDown();
        assertThat(slowFinished.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(slowWasInterrupted).as("starting the new verification interrupted the old one").isTrue();
        assertThat(model.reportProperty().get().archiveName()).as("the stale result was dropped").isEqualTo("tampered.tar.gz");
        assertVerdict(robot, "#verifiedLine", VerdictStatus.FAILED, "NO: " + refusal(tampered));
        assertThat(text(robot, "#bundleNameLabel")).isEqualTo("tampered.tar.gz");
    }

    /** What the library says about a bad bundle, verified directly. */
    private static String refusal(Path archive) {
        try {
            TestWizards.verifier().verifyIntegrity(archive);
        } catch (VerificationException e) {
            return e.getMessage();
        }
        throw new AssertionError(archive + " verified, but it was tampered with");
    }

    private static void assertVerdict(FxRobot robot, String query, VerdictStatus status, String text) {
        VerdictLine line = robot.lookup(query).queryAs(VerdictLine.class);
        assertThat(line.textProperty().get()).as(query + " text").isEqualTo(text);
        assertThat(line.getStatus()).as(query + " status").isEqualTo(status);
        assertThat(line.isVisible()).isTrue();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
