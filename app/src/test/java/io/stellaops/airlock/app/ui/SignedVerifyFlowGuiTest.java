package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.controls.VerdictLine;
import io.stellaops.airlock.app.ui.controls.VerdictStatus;
import io.stellaops.airlock.app.ui.verify.VerifyModel;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import io.stellaops.airlock.bundle.sign.BundleSigner;
import io.stellaops.airlock.bundle.trust.DsseAuthenticator;
import io.stellaops.airlock.bundle.trust.TrustPolicies;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.verify.SignatureOutcome;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import io.stellaops.airlock.bundle.verify.VerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Verifies signed bundles against a trust folder in a real window: a bundle signed by the trusted
 * key reads as three positive verdicts with its signer in the table; one signed by a stranger's
 * key is refused with the library's reason inline and the signature marked untrusted. The trust
 * folder is chosen through the model, as the directory chooser would.
 */
@ExtendWith(ApplicationExtension.class)
class SignedVerifyFlowGuiTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aTrustedSignatureVerifiesAndAStrangersIsRefusedWithTheReason(FxRobot robot) throws Exception {
        var random = new SecureRandom();
        SigningKey alice = SigningKeys.generate(KeyAlgorithm.ED25519, random);
        SigningKey mallory = SigningKeys.generate(KeyAlgorithm.ECDSA_P256, random);
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.write(trust.resolve("alice.pub.pem"), alice.verificationKey().toPem());
        Path signed = TestWizards.buildBundle(Files.createDirectories(dir.resolve("a")), "signed.tar.gz");
        Path stranger = TestWizards.buildBundle(Files.createDirectories(dir.resolve("b")), "stranger.tar.gz");
        var signer = new BundleSigner(TestWizards.verifyOptions());
        signer.sign(signed, alice);
        signer.sign(stranger, mallory);

        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), dir);
        robot.clickOn("#verifyJobButton");
        VerifyModel model = window.verifyFlow().orElseThrow().model();
        TestWizards.onFx(() -> {
            model.chooseBundle(signed);
            model.trust().choose(trust);
        });
        assertThat(robot.lookup("#trustLabel").queryLabeled().getText()).isEqualTo(trust.toString());
        Spinner<?> threshold = robot.lookup("#thresholdSpinner").queryAs(Spinner.class);
        assertThat(threshold.isDisabled()).isFalse();
        assertThat(threshold.getValue()).as("a folder's own threshold, which the one key cannot exceed").isEqualTo(1);
        assertThat(robot.lookup("#thresholdNote").queryLabeled().getText())
                .isEqualTo("The policy requires 1; you may raise it, not lower it.");
        TestWizards.screenshot(stage, "verify_choose_trust");

        robot.clickOn("#verifyButton");
        String signedBy = new io.stellaops.airlock.bundle.verify.BundleVerifier(TestWizards.verifyOptions())
                .verify(signed, new DsseAuthenticator(TrustPolicies.load(trust), TestWizards.verifyOptions().limits()),
                        PayloadSink.DISCARD, ProgressListener.NONE)
                .authentication().orElseThrow().summary();
        assertVerdict(robot, "#signedByLine", VerdictStatus.PASSED, signedBy);
        assertThat(signedBy).contains("alice");
        assertVerdict(robot, "#contentsLine", VerdictStatus.PASSED, "10 files matched the manifest");
        assertVerdict(robot, "#verifiedLine", VerdictStatus.PASSED, "yes");
        TableView<?> signatures = robot.lookup("#signatureTable").queryAs(TableView.class);
        assertThat(signatures.isVisible()).isTrue();
        assertThat(signatures.getItems()).singleElement().satisfies(row -> {
            SignatureResult result = (SignatureResult) row;
            assertThat(result.signer()).contains("alice");
            assertThat(result.algorithm()).contains("ed25519");
            assertThat(result.keyId()).isEqualTo(alice.keyId());
            assertThat(result.outcome()).isEqualTo(SignatureOutcome.COUNTED);
        });
        assertThat(robot.lookup("counted").tryQuery()).isPresent();
        TestWizards.screenshot(stage, "verify_result_signed");

        TestWizards.onFx(() -> model.verify(stranger));
        String refusal = refusal(stranger, trust);
        assertVerdict(robot, "#verifiedLine", VerdictStatus.FAILED, "NO: " + refusal);
        assertThat(robot.lookup("#signedByLine").queryAs(VerdictLine.class).getStatus()).isEqualTo(VerdictStatus.FAILED);
        assertThat(signatures.getItems()).singleElement().satisfies(row -> {
            SignatureResult result = (SignatureResult) row;
            assertThat(result.outcome()).isEqualTo(SignatureOutcome.UNTRUSTED);
            assertThat(result.keyId()).isEqualTo(mallory.keyId());
        });
        assertThat(robot.lookup("UNTRUSTED").tryQuery()).isPresent();
        TestWizards.screenshot(stage, "verify_result_untrusted");

        Path html = dir.resolve("evidence.html");
        TestWizards.onFx(() -> model.exportReport(html));
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("UNTRUSTED");
    }

    @Test
    void aTrustPolicyThatDoesNotLoadBlocksVerificationWithTheReason(FxRobot robot) throws Exception {
        Path good = TestWizards.buildBundle(dir, "good.tar.gz");
        Path empty = Files.createDirectories(dir.resolve("empty-trust"));
        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), dir);
        robot.clickOn("#verifyJobButton");
        VerifyModel model = window.verifyFlow().orElseThrow().model();
        TestWizards.onFx(() -> {
            model.chooseBundle(good);
            model.trust().choose(empty);
        });
        assertThat(robot.lookup("#verifyButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#trustProblem").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#trustProblem").queryLabeled().getText()).isNotBlank();
        TestWizards.screenshot(stage, "verify_choose_trust_refused");

        robot.clickOn("#trustClearButton");
        assertThat(robot.lookup("#verifyButton").queryButton().isDisabled()).as("integrity only again").isFalse();
    }

    private static String refusal(Path archive, Path trust) throws Exception {
        try {
            new io.stellaops.airlock.bundle.verify.BundleVerifier(TestWizards.verifyOptions()).verify(archive,
                    new DsseAuthenticator(TrustPolicies.load(trust), TestWizards.verifyOptions().limits()),
                    PayloadSink.DISCARD, ProgressListener.NONE);
        } catch (VerificationException e) {
            return e.getMessage();
        }
        throw new AssertionError(archive + " verified, but a stranger signed it");
    }

    private static void assertVerdict(FxRobot robot, String query, VerdictStatus status, String text) {
        VerdictLine line = robot.lookup(query).queryAs(VerdictLine.class);
        assertThat(line.textProperty().get()).as(query + " text").isEqualTo(text);
        assertThat(line.getStatus()).as(query + " status").isEqualTo(status);
    }
}
