package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.bootstrap.BootstrapModel;
import io.stellaops.airlock.app.ui.build.BuildFlow;
import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.common.Theme;
import io.stellaops.airlock.app.ui.kitimport.ImportFlow;
import io.stellaops.airlock.app.ui.start.Job;
import io.stellaops.airlock.app.ui.verify.VerifyFlow;
import io.stellaops.airlock.app.ui.verify.VerifyService;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every step of both flows at the minimum window size, in English and German and in the dark
 * theme: no one-line label is shortened with an ellipsis (paths excepted: they may be longer
 * than any window), no wrapped label is squeezed below its wrapped height, and the row of
 * buttons lies inside the window, neither below nor right of it. The German and dark screenshots are for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class FlowLayoutGuiTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyStepFitsTheMinimumWindowInEnglish() throws Exception {
        assertThat(walk(Locale.ENGLISH, Theme.LIGHT, null)).isEmpty();
    }

    @Test
    void everyStepFitsTheMinimumWindowInGerman() throws Exception {
        assertThat(walk(Locale.GERMAN, Theme.LIGHT, "de")).isEmpty();
    }

    @Test
    void everyStepFitsTheMinimumWindowInTheDarkTheme() throws Exception {
        assertThat(walk(Locale.ENGLISH, Theme.DARK, "dark")).isEmpty();
    }

    /** Walks the flows and returns what does not fit; saves screenshots named {@code <view>_<suffix>}. */
    private List<String> walk(Locale locale, Theme theme, String screenshotSuffix) throws Exception {
        Path good = TestWizards.buildBundle(dir, "good.tar.gz");
        Path bad = TestWizards.withGarbageAppended(good, dir.resolve("bad.tar.gz"));
        MainWindow window = TestWizards.open(stage, locale, new SynchronousTaskExecutor(), dir, BuildService.library(),
                VerifyService.library(TestWizards.CLOCK));
        List<String> problems = new ArrayList<>();
        TestWizards.onFx(() -> {
            window.useTheme(theme);
            stage.setWidth(MainWindow.MIN_WIDTH);
            stage.setHeight(MainWindow.MIN_HEIGHT);
        });

        TestWizards.onFx(() -> window.startModel().select(Job.BUILD));
        BuildFlow build = window.buildFlow().orElseThrow();
        check("build_source", problems, screenshotSuffix);
        TestWizards.onFx(build.model()::next);
        check("build_metadata", problems, screenshotSuffix);
        TestWizards.onFx(() -> build.model().nameProperty().set("Not A Name"));
        check("build_metadata_invalid", problems, screenshotSuffix);
        TestWizards.onFx(() -> build.model().nameProperty().set("telemetry-offline-bundle"));
        TestWizards.onFx(build.model()::next);
        TestWizards.onFx(() -> build.model().chooseOutput(good));
        check("build_output", problems, screenshotSuffix);
        TestWizards.onFx(() -> build.model().chooseOutput(dir.resolve("built.tar.gz")));
        TestWizards.onFx(build.run()::start);
        check("build_run", problems, screenshotSuffix);
        TestWizards.onFx(build.model()::showSign);
        check("build_sign", problems, screenshotSuffix);

        TestWizards.onFx(() -> window.startModel().select(Job.VERIFY));
        VerifyFlow verify = window.verifyFlow().orElseThrow();
        TestWizards.onFx(() -> verify.model().chooseBundle(good));
        check("verify_choose", problems, screenshotSuffix);
        TestWizards.onFx(verify.model()::verify);
        check("verify_result", problems, screenshotSuffix);
        TestWizards.onFx(() -> verify.model().verify(bad));
        check("verify_result_refused", problems, screenshotSuffix);

        Path trust = Files.createDirectories(dir.resolve("trust-" + locale + "-" + theme));
        Files.write(trust.resolve("alice.pub.pem"),
                SigningKeys.generate(KeyAlgorithm.ED25519, new SecureRandom()).verificationKey().toPem());
        Path kit = Files.createDirectories(dir.resolve("kit-" + locale + "-" + theme));
        TestWizards.onFx(() -> window.startModel().select(Job.IMPORT));
        ImportFlow kitImport = window.importFlow().orElseThrow();
        TestWizards.onFx(() -> {
            kitImport.model().chooseBundle(good);
            kitImport.model().chooseKit(kit);
            kitImport.model().trust().choose(trust);
        });
        TestWizards.onFx(kitImport.model()::importBundle);
        check("import_run_refused", problems, screenshotSuffix);
        TestWizards.onFx(kitImport.model()::showStatus);
        check("import_status", problems, screenshotSuffix);

        TestWizards.onFx(() -> ((javafx.scene.control.Button) stage.getScene().getRoot().lookup("#bootstrapButton")).fire());
        BootstrapModel bootstrap = window.bootstrapFlow().orElseThrow().model();
        Path tls = Files.createDirectories(dir.resolve("tls-" + locale + "-" + theme));
        TestWizards.onFx(() -> bootstrap.chooseFolder(tls));
        TestWizards.onFx(bootstrap::generate);
        check("bootstrap_tls", problems, screenshotSuffix);
        Files.copy(tls.resolve("client.crt"), tls.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING);
        TestWizards.onFx(bootstrap::check);
        check("bootstrap_tls_check", problems, screenshotSuffix);
        TestWizards.onFx(bootstrap::next);
        Path token = Files.writeString(dir.resolve("token-" + locale + "-" + theme), "a.b.c");
        TestWizards.onFx(() -> bootstrap.chooseToken(token));
        check("bootstrap_token_refused", problems, screenshotSuffix);
        TestWizards.onFx(bootstrap::next);
        Path kubeconfig = io.stellaops.airlock.app.cluster.MockCluster.writeKubeconfig(
                dir.resolve("kubeconfig-" + locale + "-" + theme),
                "http://127.0.0.1:" + io.stellaops.airlock.app.cluster.MockCluster.unusedPort());
        TestWizards.onFx(() -> {
            bootstrap.cluster().chooseKubeconfig(kubeconfig);
            bootstrap.cluster().sourceIsKitProperty().set(false);
            bootstrap.cluster().sourceProperty().set(TestWizards.SAMPLE);
        });
        TestWizards.onFx(bootstrap.cluster()::testConnection);
        check("bootstrap_cluster_unreachable", problems, screenshotSuffix);
        TestWizards.onFx(bootstrap::next);
        check("bootstrap_plan_refused_token", problems, screenshotSuffix);
        return problems;
    }

    private void check(String view, List<String> problems, String screenshotSuffix) throws Exception {
        problems.addAll(TestWizards.callOnFx(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            List<String> found = new ArrayList<>();
            for (Node node : root.lookupAll(".label")) {
                if (node instanceof Label label && shown(label) && !label.getStyleClass().contains("path")) {
                    cutOff(label).ifPresent(problem -> found.add(view + ": " + problem));
                }
            }
            for (Node buttons : root.lookupAll(".wizard-buttons")) {
                Bounds bounds = buttons.localToScene(buttons.getLayoutBounds());
                if (buttons.isVisible() && bounds.getMaxY() > stage.getScene().getHeight() + 0.5) {
                    found.add(view + ": buttons end at " + bounds.getMaxY() + ", below the window");
                }
                if (buttons.isVisible() && bounds.getMaxX() > stage.getScene().getWidth() + 0.5) {
                    found.add(view + ": buttons end at x " + bounds.getMaxX() + ", right of the window");
                }
            }
            return found;
        }));
        if (screenshotSuffix != null) {
            TestWizards.screenshot(stage, view + "_" + screenshotSuffix);
        }
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> cutOff(Label label) {
        if (label.getText() == null || label.getText().isEmpty() || label.getWidth() <= 0) {
            return Optional.empty();
        }
        if (!label.isWrapText() && label.getWidth() + 0.5 < label.prefWidth(-1)) {
            return Optional.of("'" + label.getText() + "' shortened (" + label.getWidth() + " < "
                    + label.prefWidth(-1) + ")");
        }
        if (label.isWrapText() && label.getHeight() + 0.5 < label.prefHeight(label.getWidth())) {
            return Optional.of("'" + label.getText() + "' squeezed (" + label.getHeight() + " < "
                    + label.prefHeight(label.getWidth()) + ")");
        }
        return Optional.empty();
    }
}
