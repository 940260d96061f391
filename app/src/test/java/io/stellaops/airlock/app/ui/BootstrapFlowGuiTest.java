package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.cluster.AuthorityClients;
import io.stellaops.airlock.app.cluster.AuthorityToken;
import io.stellaops.airlock.app.pki.CheckStatus;
import io.stellaops.airlock.app.pki.TlsCheck;
import io.stellaops.airlock.app.pki.TlsCheckItem;
import io.stellaops.airlock.app.pki.TlsCheckRequest;
import io.stellaops.airlock.app.ui.bootstrap.BootstrapModel;
import io.stellaops.airlock.app.ui.bootstrap.BootstrapStep;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.kitimport.ImportModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The bootstrap flow through a real window, reached from the import flow's status step: dev TLS
 * material generated into a folder passes every check; the client certificate in place of the
 * server's fails with the library's reason; a token's claims are shown, an expired one is refused
 * with the library's message, and the Authority commands are there to copy.
 */
@ExtendWith(ApplicationExtension.class)
class BootstrapFlowGuiTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void generatesAndChecksTlsMaterialAndReadsTokens(FxRobot robot) throws Exception {
        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), dir);
        robot.clickOn("#importJobButton");
        ImportModel importModel = window.importFlow().orElseThrow().model();
        Path kit = Files.createDirectories(dir.resolve("kit"));
        TestWizards.onFx(() -> {
            importModel.chooseKit(kit);
            importModel.showStatus();
        });
        robot.clickOn("#bootstrapButton");
        BootstrapModel model = window.bootstrapFlow().orElseThrow().model();
        assertThat(model.stepProperty().get()).isEqualTo(BootstrapStep.TLS);
        assertThat(model.namespaceProperty().get()).isEqualTo("observability");

        Path tls = Files.createDirectories(dir.resolve("tls"));
        TestWizards.onFx(() -> model.chooseFolder(tls));
        assertThat(model.certificateProperty().get()).isEqualTo(tls.resolve("tls.crt"));
        robot.clickOn("#generateButton");
        assertThat(model.tlsProblemProperty().get()).isEmpty();
        assertThat(tls.resolve("tls.key")).isRegularFile();
        List<TlsCheckItem> items = checkItems(robot);
        assertThat(items).isNotEmpty().allMatch(item -> item.status() == CheckStatus.PASS);
        assertThat(text(robot, "#tlsSummary")).startsWith("All checks passed");
        TestWizards.screenshot(stage, "bootstrap_tls");

        Path swapped = Files.createDirectories(dir.resolve("swapped"));
        for (String name : List.of("ca.crt", "tls.key")) {
            Files.copy(tls.resolve(name), swapped.resolve(name));
        }
        Files.copy(tls.resolve("client.crt"), swapped.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING);
        List<TlsCheckItem> expected = new TlsCheck(TestWizards.CLOCK, new SecureRandom()).check(TlsCheckRequest.server(
                swapped.resolve("ca.crt"), swapped.resolve("tls.crt"), swapped.resolve("tls.key"))).failures();
        assertThat(expected).isNotEmpty();
        TestWizards.onFx(() -> model.chooseFolder(swapped));
        robot.clickOn("#checkButton");
        assertThat(checkItems(robot)).filteredOn(item -> item.status() == CheckStatus.FAIL).containsAll(expected);
        assertThat(text(robot, "#tlsSummary")).contains("checks failed");
        TestWizards.screenshot(stage, "bootstrap_tls_check");

        robot.clickOn("#nextButton");
        assertThat(model.stepProperty().get()).isEqualTo(BootstrapStep.TOKEN);
        String commands = robot.lookup("#commandsArea").queryAs(TextArea.class).getText();
        assertThat(commands.lines().toList()).isEqualTo(AuthorityClients.commands());
        assertThat(robot.lookup("#commandsArea").queryAs(TextArea.class).isEditable()).isFalse();

        Instant expires = TestWizards.CLOCK.instant().plus(Duration.ofDays(30));
        Path good = token("good.jwt", expires);
        TestWizards.onFx(() -> model.chooseToken(good));
        assertThat(model.tokenProblemProperty().get()).isEmpty();
        assertThat(text(robot, "#expiresLabel")).startsWith(expires.toString());
        assertThat(text(robot, "#audienceLabel")).isEqualTo("observability");
        assertThat(text(robot, "#scopesLabel")).isEqualTo("obs:read");
        assertThat(text(robot, "#tokenValid")).startsWith("The token is usable");
        TestWizards.screenshot(stage, "bootstrap_token");

        Path expired = token("expired.jwt", TestWizards.CLOCK.instant().minus(Duration.ofDays(1)));
        Exception refusal = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> AuthorityToken.read(
                expired, AuthorityToken.AUDIENCE, AuthorityToken.PROMETHEUS_SCOPE, TestWizards.CLOCK));
        TestWizards.onFx(() -> model.chooseToken(expired));
        assertThat(text(robot, "#tokenProblem")).isEqualTo(refusal.getMessage()).contains("expired");
        assertThat(model.claimsProperty().get()).isNull();
        assertThat(robot.lookup("#tokenValid").queryAs(Label.class).isVisible()).isFalse();
        TestWizards.screenshot(stage, "bootstrap_token_expired");

        robot.clickOn("#nextButton");
        assertThat(model.stepProperty().get()).isEqualTo(BootstrapStep.CLUSTER);
        // The test's home folder has no ~/.kube/config; unless KUBECONFIG names a file, no kubeconfig is
        // offered and the plan cannot be reached yet.
        assertThat(robot.lookup("#nextButton").queryAs(javafx.scene.control.Button.class).isDisabled())
                .isEqualTo(model.cluster().contextProperty().get() == null);
        if (System.getenv("KUBECONFIG") == null) {
            assertThat(model.cluster().kubeconfigProperty().get()).isNull();
        }
    }

    /** A JWT with a fake signature: Airlock decodes the claims and never verifies it. */
    private Path token(String name, Instant expires) throws Exception {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"exp\":" + expires.getEpochSecond()
                + ",\"aud\":\"observability\",\"scope\":\"obs:read\"}").getBytes(StandardCharsets.UTF_8));
        return Files.writeString(dir.resolve(name), header + "." + payload + "." + encoder.encodeToString(
                "not-a-signature".getBytes(StandardCharsets.UTF_8)) + "\n");
    }

    @SuppressWarnings("unchecked")
    private static List<TlsCheckItem> checkItems(FxRobot robot) {
        return List.copyOf(robot.lookup("#checkList").queryAs(ListView.class).getItems());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
