package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.controls.VerdictLine;
import io.stellaops.airlock.app.ui.controls.VerdictStatus;
import io.stellaops.airlock.app.ui.kitimport.ImportModel;
import io.stellaops.airlock.app.ui.kitimport.ImportStep;
import io.stellaops.airlock.bundle.kit.ImportResult;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import io.stellaops.airlock.bundle.sign.BundleSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Imports signed bundles into a kit in a temporary folder through a real window: a check first
 * changes nothing, an import activates, the same import again is already active, a stranger's
 * bundle is refused with its reason and quarantine folder, and the status step rolls back, after
 * a confirmation, to the generation imported first.
 */
@ExtendWith(ApplicationExtension.class)
class ImportFlowGuiTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void checksImportsRefusesAndRollsBack(FxRobot robot) throws Exception {
        var random = new SecureRandom();
        SigningKey alice = SigningKeys.generate(KeyAlgorithm.ED25519, random);
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.write(trust.resolve("alice.pub.pem"), alice.verificationKey().toPem());
        var signer = new BundleSigner(TestWizards.verifyOptions());
        Path first = TestWizards.buildBundle(Files.createDirectories(dir.resolve("1")), "first.tar.gz",
                TestWizards.CLOCK.instant().minus(Duration.ofDays(2)));
        Path second = TestWizards.buildBundle(Files.createDirectories(dir.resolve("2")), "second.tar.gz",
                TestWizards.CLOCK.instant().minus(Duration.ofDays(1)));
        Path stranger = TestWizards.buildBundle(Files.createDirectories(dir.resolve("3")), "stranger.tar.gz");
        signer.sign(first, alice);
        signer.sign(second, alice);
        signer.sign(stranger, SigningKeys.generate(KeyAlgorithm.ED25519, random));
        Path kit = Files.createDirectories(dir.resolve("kit"));

        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), dir);
        robot.clickOn("#importJobButton");
        ImportModel model = window.importFlow().orElseThrow().model();
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).isTrue();
        TestWizards.onFx(() -> {
            model.chooseBundle(first);
            model.chooseKit(kit);
            model.trust().choose(trust);
        });

        robot.clickOn("#checkButton");
        assertThat(model.resultProperty().get().outcome()).isEqualTo(ImportResult.Outcome.DRY_RUN);
        assertVerdict(robot, "#verifiedLine", VerdictStatus.PASSED, "yes");
        assertThat(robot.lookup("#signedByLine").queryAs(VerdictLine.class).textProperty().get()).contains("alice");
        assertThat(outcome(robot)).startsWith("Check passed: generation ").endsWith("would be imported; nothing changed.");
        assertThat(model.statusProperty().get().state().active()).as("a check changes nothing").isEmpty();
        TestWizards.screenshot(stage, "import_check");

        robot.clickOn("#importButton");
        KitEntry firstEntry = model.resultProperty().get().entry();
        assertThat(model.resultProperty().get().outcome()).isEqualTo(ImportResult.Outcome.ACTIVATED);
        assertThat(outcome(robot)).isEqualTo("Imported and activated generation " + firstEntry.generation() + " ("
                + firstEntry.name() + " " + firstEntry.version() + ").");
        TestWizards.screenshot(stage, "import_activated");

        robot.clickOn("#importButton");
        assertThat(model.resultProperty().get().outcome()).isEqualTo(ImportResult.Outcome.ALREADY_ACTIVE);
        assertThat(outcome(robot)).startsWith("Already active: generation " + firstEntry.generation());

        TestWizards.onFx(() -> model.chooseBundle(second));
        robot.clickOn("#importButton");
        KitEntry secondEntry = model.resultProperty().get().entry();
        assertThat(secondEntry.generation()).isGreaterThan(firstEntry.generation());

        TestWizards.onFx(() -> model.chooseBundle(stranger));
        robot.clickOn("#importButton");
        assertThat(model.stateProperty().get()).isEqualTo(ImportModel.State.REFUSED);
        Path quarantine = model.quarantinedInProperty().get();
        assertThat(quarantine).isDirectory().startsWith(kit);
        assertThat(outcome(robot)).isEqualTo("Refused: " + model.refusalProperty().get()
                + ". The bundle was quarantined in " + quarantine + "; the live kit is unchanged.");
        assertThat(model.refusalProperty().get()).contains("not in the trust policy");
        assertThat(robot.lookup("#verifiedLine").queryAs(VerdictLine.class).getStatus()).isEqualTo(VerdictStatus.FAILED);
        TestWizards.screenshot(stage, "import_refused");

        robot.clickOn("#statusButton");
        assertThat(model.stepProperty().get()).isEqualTo(ImportStep.STATUS);
        assertThat(text(robot, "#activeLabel")).startsWith("generation " + secondEntry.generation());
        assertThat(text(robot, "#quarantinedLabel")).isEqualTo("1");
        assertThat(text(robot, "#receiptsLabel")).endsWith("hash chain intact");
        assertThat(robot.lookup("#historyTable").queryAs(TableView.class).getItems()).hasSizeGreaterThanOrEqualTo(2);
        TestWizards.screenshot(stage, "import_status");

        robot.clickOn("#rollbackButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.statusProperty().get().state().active().orElseThrow().generation())
                .as(model.statusProblemProperty().get()).isEqualTo(firstEntry.generation());
        assertThat(text(robot, "#activeLabel")).startsWith("generation " + firstEntry.generation());
        TestWizards.screenshot(stage, "import_status_rolled_back");
    }

    private static String outcome(FxRobot robot) {
        return text(robot, "#outcomeLabel");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void assertVerdict(FxRobot robot, String query, VerdictStatus status, String text) {
        VerdictLine line = robot.lookup(query).queryAs(VerdictLine.class);
        assertThat(line.textProperty().get()).as(query + " text").isEqualTo(text);
        assertThat(line.getStatus()).as(query + " status").isEqualTo(status);
    }
}
