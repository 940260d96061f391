package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.common.DaemonTaskExecutor;
import io.stellaops.airlock.app.ui.kitimport.ImportModel;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.build.BuildDefaults;
import io.stellaops.airlock.bundle.build.BuildRequest;
import io.stellaops.airlock.bundle.build.BundleBuilder;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import io.stellaops.airlock.bundle.manifest.Producer;
import io.stellaops.airlock.bundle.sign.BundleSigner;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Cancelling a running import in a real window: a signed bundle large enough (256 MiB of
 * incompressible data) that its verification is still running when Cancel is clicked, imported on
 * the wizard's real worker threads ({@code DaemonTaskExecutor}) into a kit in a temporary folder.
 * The library stops, the step says it was cancelled, and the kit has no active bundle, is consistent
 * and has nothing in quarantine.
 */
@ExtendWith(ApplicationExtension.class)
class ImportCancelGuiTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aCancelledImportLeavesTheKitAsItWas(FxRobot robot) throws Exception {
        SigningKey alice = SigningKeys.generate(KeyAlgorithm.ED25519, new SecureRandom());
        Path trust = Files.createDirectories(dir.resolve("trust"));
        Files.write(trust.resolve("alice.pub.pem"), alice.verificationKey().toPem());
        Path bundle = largeBundle();
        new BundleSigner(TestWizards.verifyOptions()).sign(bundle, alice);
        Path kit = Files.createDirectories(dir.resolve("kit"));

        try (var threads = new DaemonTaskExecutor()) {
            MainWindow window = TestWizards.open(stage, threads, dir);
            robot.clickOn("#importJobButton");
            ImportModel model = window.importFlow().orElseThrow().model();
            TestWizards.onFx(() -> {
                model.chooseBundle(bundle);
                model.chooseKit(kit);
                model.trust().choose(trust);
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.trust().policyProperty().get() != null
                    && !model.busyProperty().get());
            robot.clickOn("#importButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.progressProperty().get() > 0);
            assertThat(robot.lookup("#cancelButton").queryAs(Button.class).isVisible()).isTrue();
            TestWizards.screenshot(stage, "import_run_running");
            long started = System.nanoTime();
            robot.clickOn("#cancelButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.busyProperty().get());
            System.out.printf("import cancelled at progress %.2f, worker returned after %d ms%n",
                    model.progressProperty().get(), (System.nanoTime() - started) / 1_000_000);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.statusProperty().get() != null);
            assertThat(model.stateProperty().get()).isEqualTo(ImportModel.State.CANCELLED);
            assertThat(robot.lookup("#outcomeLabel").queryAs(Label.class).getText())
                    .startsWith("Cancelled before the import finished.");
            assertThat(robot.lookup("#cancelButton").queryAs(Button.class).isVisible()).isFalse();
            assertThat(model.statusProperty().get().state().active()).isEmpty();
            assertThat(model.statusProperty().get().consistent()).isTrue();
            assertThat(model.statusProperty().get().quarantined()).isZero();
            TestWizards.screenshot(stage, "import_run_cancelled");
        }
    }

    /** The sample plus 256 MiB of pseudo-random bytes, zstd-compressed (which cannot shrink them). */
    private Path largeBundle() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        try (var files = Files.walk(TestWizards.SAMPLE)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = source.resolve(TestWizards.SAMPLE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        byte[] block = new byte[MIB];
        var random = new Random(42);
        try (OutputStream out = Files.newOutputStream(source.resolve("large.bin"))) {
            for (int i = 0; i < 256; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        Instant created = TestWizards.CLOCK.instant();
        var request = new BuildRequest(source, dir.resolve("large.tar.zst"), BuildDefaults.NAME,
                BuildDefaults.version(created), BuildDefaults.generation(created), created,
                created.plus(BuildDefaults.VALIDITY), Compression.ZSTD, false, Producer.airlock(), Limits.DEFAULT);
        return new BundleBuilder().build(request, ProgressListener.NONE).archive();
    }
}
