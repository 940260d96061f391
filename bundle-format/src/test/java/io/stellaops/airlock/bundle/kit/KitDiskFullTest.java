package io.stellaops.airlock.bundle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.testing.TreeSnapshot;
import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kit on a real file system that fills up in the middle of an import: a tmpfs mounted by the test
 * (root only; skipped otherwise) with room for bytes but few inodes, so the free-space preflight
 * passes and extraction runs out of space after some files. The import must fail with a clear
 * message, leave no staging folder, quarantine nothing (the bundle is not at fault) and leave the
 * live kit exactly as it was.
 */
class KitDiskFullTest {
    @TempDir
    Path dir;
    private Path mount;

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        assumeThat(System.getProperty("user.name")).as("mounting a tmpfs needs root").isEqualTo("root");
        mount = Files.createDirectory(dir.resolve("kit"));
        assumeThat(run("mount", "-t", "tmpfs", "-o", "size=256m,nr_inodes=64", "tmpfs", mount.toString()))
                .as("tmpfs mount permitted here").isZero();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aDiskThatFillsUpMidwayLeavesTheKitAsItWas() throws Exception {
        KitLayout layout = new KitLayout(mount);
        KitImporter importer = new KitImporter(layout, TestBundles.options());
        importer.importBundle(request(TestBundles.buildSample(dir, 1, "1.0.0")), ProgressListener.NONE);
        Map<String, String> before = TreeSnapshot.liveKit(mount);

        Path source = Files.createDirectories(dir.resolve("many/storage"));
        for (int i = 0; i < 80; i++) {
            Files.writeString(source.resolve(String.format("tenant-%03d.yaml", i)), "retention: 720h\n");
        }
        Path many = TestBundles.build(dir.resolve("many"), dir.resolve("many.tar.gz"), Compression.GZIP).archive();

        BundleException full = catchThrowableOfType(BundleException.class,
                () -> importer.importBundle(request(many), ProgressListener.NONE));

        assertThat(full.failure()).isEqualTo(Failure.UNREADABLE);
        assertThat(full.getMessage()).contains("No space left on device");
        assertThat(TreeSnapshot.liveKit(mount)).isEqualTo(before);
        try (Stream<Path> entries = Files.list(layout.telemetry())) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-"));
        }
        try (Stream<Path> quarantined = Files.list(layout.quarantine())) {
            assertThat(quarantined).isEmpty();
        }
    }

    private static ImportRequest request(Path archive) {
        return new ImportRequest(archive, ManifestAuthenticator.NONE, false, Optional.empty(), false);
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
