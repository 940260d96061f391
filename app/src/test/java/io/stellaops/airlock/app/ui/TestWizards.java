package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.app.ui.common.WizardContext;
import io.stellaops.airlock.app.ui.verify.VerifyService;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.build.BuildDefaults;
import io.stellaops.airlock.bundle.build.BuildRequest;
import io.stellaops.airlock.bundle.build.BundleBuilder;
import io.stellaops.airlock.bundle.manifest.Producer;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the wizard window with test dependencies, builds fixture bundles, and saves screenshots. */
final class TestWizards {

    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    static final Path SAMPLE = Path.of(System.getProperty("airlock.sample.dir"));
    /** The wizard's and the verifier's clock, so that bundles are valid whatever the date of the run. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private TestWizards() {
    }

    static WizardContext context(Locale locale, TaskExecutor executor, Path home) {
        return new WizardContext(UiStrings.load(locale), "test", executor, CLOCK, home, Optional.empty());
    }

    /** Builds and shows the window on the FX thread, on the stage TestFX gave the test. */
    static MainWindow open(Stage stage, Locale locale, TaskExecutor executor, Path home, BuildService builds,
            VerifyService verifications) throws Exception {
        MainWindow window = callOnFx(() -> {
            var opened = new MainWindow(stage, context(locale, executor, home), builds, verifications);
            opened.show();
            return opened;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    static MainWindow open(Stage stage, TaskExecutor executor, Path home) throws Exception {
        return open(stage, Locale.ENGLISH, executor, home, BuildService.library(), VerifyService.library(CLOCK));
    }

    static <T> T callOnFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static VerifyOptions verifyOptions() {
        return new VerifyOptions(Limits.DEFAULT, CLOCK, VerifyOptions.DEFAULT_CLOCK_SKEW);
    }

    static BundleVerifier verifier() {
        return new BundleVerifier(verifyOptions());
    }

    /** A bundle of the sample folder, built by the library with the test clock's defaults. */
    static Path buildBundle(Path folder, String fileName) throws BundleException {
        Instant created = CLOCK.instant();
        var request = new BuildRequest(SAMPLE, folder.resolve(fileName), BuildDefaults.NAME, BuildDefaults.version(created),
                BuildDefaults.generation(created), created, created.plus(BuildDefaults.VALIDITY), Compression.GZIP, false,
                Producer.airlock(), Limits.DEFAULT);
        return new BundleBuilder().build(request, ProgressListener.NONE).archive();
    }

    /** A copy of {@code archive} with bytes appended after its end, without a sidecar. */
    static Path withGarbageAppended(Path archive, Path target) throws Exception {
        Files.copy(archive, target);
        Files.write(target, "appended after the end of the archive".getBytes(), StandardOpenOption.APPEND);
        return target;
    }

    /** A copy of {@code archive} with one byte flipped in the middle, without a sidecar. */
    static Path withByteFlipped(Path archive, Path target) throws Exception {
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x5a;
        return Files.write(target, bytes);
    }

    static void screenshot(Stage stage, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = SCREENSHOTS.resolve(name + ".png");
        PngSnapshots.write(callOnFx(() -> stage.getScene().snapshot(null)), file);
        assertThat(file).isNotEmptyFile();
    }
}
