package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.build.BuildFlow;
import io.stellaops.airlock.app.ui.build.BuildStep;
import io.stellaops.airlock.app.ui.build.SignModel;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.sign.SignatureFiles;
import io.stellaops.airlock.bundle.trust.DsseAuthenticator;
import io.stellaops.airlock.bundle.trust.TrustPolicies;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import io.stellaops.airlock.bundle.verify.SignatureOutcome;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Builds the embedded sample in a real window, generates an encrypted key pair in the "Generate
 * a key" dialog, signs with it (typing the passphrase, which the field forgets right away) and
 * checks with the library that the envelope verifies against a trust folder holding the new
 * public key.
 */
@ExtendWith(ApplicationExtension.class)
class BuildSignFlowGuiTest {

    @TempDir
    Path home;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void signsTheBuiltBundleWithAKeyGeneratedInTheDialog(FxRobot robot) throws Exception {
        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), home);
        robot.clickOn("#buildJobButton");
        BuildFlow flow = window.buildFlow().orElseThrow();
        robot.clickOn("#nextButton").clickOn("#nextButton");
        Path output = Files.createDirectories(home.resolve("out")).resolve("bundle.tar.gz");
        TestWizards.onFx(() -> flow.model().chooseOutput(output));
        robot.clickOn("#buildButton");
        robot.clickOn("#signStepButton");
        assertThat(flow.model().stepProperty().get()).isEqualTo(BuildStep.SIGN);
        assertThat(robot.lookup("#signButton").queryButton().isDisabled()).as("no key yet").isTrue();
        TestWizards.screenshot(stage, "build_sign");

        robot.clickOn("#generateKeyButton");
        Path prefix = home.resolve("keys").resolve("alice");
        Files.createDirectories(prefix.getParent());
        TextField prefixField = robot.lookup("#keyPrefixField").queryAs(TextField.class);
        TestWizards.onFx(() -> prefixField.setText(prefix.toString()));
        robot.clickOn("#keyPassphraseField").write("correct horse");
        robot.clickOn("#keyRepeatField").write("correct hors");
        assertThat(robot.lookup("#generateButton").queryButton().isDisabled()).as("passphrases differ").isTrue();
        robot.write("e");
        assertThat(robot.lookup("#generateButton").queryButton().isDisabled()).isFalse();
        Window dialog = prefixField.getScene().getWindow();
        PngSnapshots.write(TestWizards.callOnFx(() -> dialog.getScene().snapshot(null)),
                TestWizards.SCREENSHOTS.resolve("build_sign_generate.png"));
        robot.clickOn("#generateButton");
        WaitForAsyncUtils.waitForFxEvents();

        SignModel sign = flow.sign();
        assertThat(Path.of(prefix + ".key.pem")).isNotEmptyFile();
        assertThat(Path.of(prefix + ".pub.pem")).isNotEmptyFile();
        assertThat(sign.keyFileProperty().get()).isEqualTo(Path.of(prefix + ".key.pem"));
        assertThat(robot.lookup("#generatedLabel").queryAs(Label.class).getText()).contains("encrypted and owner-only");

        PasswordField passphrase = robot.lookup("#passphraseField").queryAs(PasswordField.class);
        robot.clickOn(passphrase).write("correct horse");
        robot.clickOn("#signButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(passphrase.getText()).as("the field forgets the passphrase once used").isEmpty();
        assertThat(sign.stateProperty().get()).as(sign.problemProperty().get()).isEqualTo(SignModel.State.SIGNED);
        assertThat(robot.lookup("#signedLabel").queryAs(Label.class).getText())
                .isEqualTo("Signed with key " + sign.resultProperty().get().keyId() + ": 1 signature in bundle.tar.gz.dsse.json.");
        TestWizards.screenshot(stage, "build_sign_signed");

        Path envelope = SignatureFiles.envelopeFor(output);
        assertThat(envelope).isNotEmptyFile().hasFileName("bundle.tar.gz.dsse.json");
        Path trust = Files.createDirectories(home.resolve("trust"));
        Files.copy(Path.of(prefix + ".pub.pem"), trust.resolve("alice.pub.pem"));
        VerificationReport report = TestWizards.verifier().verify(output,
                new DsseAuthenticator(TrustPolicies.load(trust), TestWizards.verifyOptions().limits()),
                PayloadSink.DISCARD, ProgressListener.NONE);
        assertThat(report.verified()).isTrue();
        assertThat(report.authentication().orElseThrow().signatures()).singleElement()
                .satisfies(signature -> assertThat(signature.outcome()).isEqualTo(SignatureOutcome.COUNTED));

        robot.clickOn(passphrase).write("typed but not used");
        TestWizards.onFx(stage::hide);
        assertThat(passphrase.getText()).as("hiding the window clears the field").isEmpty();
    }
}
