package io.stellaops.airlock.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import io.stellaops.airlock.bundle.manifest.FileRole;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BundleBuilderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void twoBuildsOfTheSameFolderAreByteIdentical(Compression compression) throws Exception {
        Path first = TestBundles.build(TestBundles.sampleSource(), dir.resolve("one" + compression.suffix()), compression).archive();
        Path second = TestBundles.build(TestBundles.sampleSource(), dir.resolve("two" + compression.suffix()), compression).archive();
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Compression.detect(Files.readAllBytes(first))).contains(compression);
    }

    @Test
    void bytesDoNotDependOnTheUserOrOnFileTimesOrLongPaths() throws Exception {
        Path source = copyOfSample();
        String longPath = "storage/" + "very-long-folder-name-".repeat(6) + "/overrides-" + "x".repeat(40) + ".yaml";
        Files.createDirectories(source.resolve(longPath).getParent());
        Files.writeString(source.resolve(longPath), "limits: {}\n");
        Path first = TestBundles.build(source, dir.resolve("a.tar.gz"), Compression.GZIP).archive();

        String user = System.getProperty("user.name");
        try {
            System.setProperty("user.name", "someone-else");
            Files.setLastModifiedTime(source.resolve(longPath), java.nio.file.attribute.FileTime.fromMillis(12345));
            Path second = TestBundles.build(source, dir.resolve("b.tar.gz"), Compression.GZIP).archive();
            assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        } finally {
            System.setProperty("user.name", user);
        }
        assertThat(new BundleVerifier(TestBundles.options()).verifyIntegrity(first).verified()).isTrue();
    }

    /** GNU tar (a real, independent reader) lists our archive with uid/gid 0, fixed mtime and the long PAX path. */
    @Test
    void gnuTarAndSha256sumReadTheBundle() throws Exception {
        Path source = copyOfSample();
        String longPath = "helm/" + "y".repeat(120) + ".yaml";
        Files.writeString(source.resolve(longPath), "a: b\n");
        var built = TestBundles.build(source, dir.resolve("telemetry-offline-bundle-2026.11.0.tar.gz"), Compression.GZIP);

        String listing = run(dir, "tar", "--numeric-owner", "-tvzf", built.archive().getFileName().toString());
        List<String> lines = listing.lines().toList();
        assertThat(lines.get(0)).startsWith("-rw-r--r-- 0/0").endsWith(" 2026-11-01 10:00 manifest.json");
        assertThat(lines).anySatisfy(line -> assertThat(line).endsWith(longPath));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("-rwxr-xr-x 0/0").endsWith("scripts/verify-endpoints.sh"));
        assertThat(lines).hasSize(built.manifest().files().size() + 1);
        assertThat(run(dir, "sha256sum", "-c", built.sha256Sidecar().getFileName().toString()))
                .contains(built.archive().getFileName() + ": OK");
    }

    @Test
    void theManifestDescribesTheSampleByRunbookRole() throws Exception {
        var built = TestBundles.buildSample(dir);
        assertThat(built.manifest().files()).extracting(FileEntry::path, FileEntry::role).contains(
                org.assertj.core.groups.Tuple.tuple("storage/tenants/loki-overrides.yaml", FileRole.TENANT_OVERRIDES),
                org.assertj.core.groups.Tuple.tuple("storage/prometheus.yaml", FileRole.CONFIG),
                org.assertj.core.groups.Tuple.tuple("helm/values-telemetry-storage.yaml", FileRole.HELM_VALUES),
                org.assertj.core.groups.Tuple.tuple("compose/docker-compose.telemetry-storage.yaml", FileRole.COMPOSE),
                org.assertj.core.groups.Tuple.tuple("README.md", FileRole.DOC));
        assertThat(built.manifest().files()).extracting(FileEntry::path).isSorted();
    }

    @Test
    void refusesASymbolicLinkWithItsPath() throws Exception {
        Path source = copyOfSample();
        Files.createSymbolicLink(source.resolve("storage/link.yaml"), Path.of("/etc/passwd"));
        assertRefused(source, Failure.REFUSED, "source 'storage/link.yaml' is a symbolic link; bundles hold regular files and folders only");
    }

    @Test
    void refusesAFifoWithItsPath() throws Exception {
        Path source = copyOfSample();
        run(source, "mkfifo", "storage/pipe");
        assertRefused(source, Failure.REFUSED, "source 'storage/pipe' is not a regular file");
    }

    @Test
    void refusesNamesOutsideThePortableSetAndCaseCollisions() throws Exception {
        Path source = copyOfSample();
        Files.writeString(source.resolve("storage/caf\u00e9.yaml"), "x");
        assertRefused(source, Failure.REFUSED, "source path 'storage/caf\\u00e9.yaml' contains the character U+00E9 at index 11");

        Path collide = copyOfSample();
        Files.writeString(collide.resolve("storage/Prometheus.yaml"), "x");
        assertRefused(collide, Failure.REFUSED, "source files 'storage/Prometheus.yaml' and 'storage/prometheus.yaml' differ only in case");
    }

    @Test
    void refusesAMissingSourceAndAnExistingOutputWithoutForce() throws Exception {
        assertThatThrownBy(() -> TestBundles.build(dir.resolve("nope"), dir.resolve("x.tar.gz"), Compression.GZIP))
                .isInstanceOf(BundleException.class).hasMessageContaining("source folder").hasMessageEndingWith("nope does not exist")
                .extracting(e -> ((BundleException) e).failure()).isEqualTo(Failure.UNREADABLE);

        Path output = Files.writeString(dir.resolve("taken.tar.gz"), "keep me");
        assertThatThrownBy(() -> TestBundles.build(TestBundles.sampleSource(), output, Compression.GZIP))
                .hasMessageEndingWith("taken.tar.gz already exists (use --force to replace it)")
                .extracting(e -> ((BundleException) e).failure()).isEqualTo(Failure.USAGE);
        assertThat(Files.readString(output)).isEqualTo("keep me");

        BuildRequest forced = withReplace(TestBundles.request(TestBundles.sampleSource(), output, Compression.GZIP));
        new BundleBuilder().build(forced, ProgressListener.NONE);
        assertThat(Files.readAllBytes(output)).startsWith(0x1f, 0x8b);
    }

    @Test
    void refusesAnOutputInsideTheSource() throws Exception {
        Path source = copyOfSample();
        assertRefused(source, source.resolve("out.tar.gz"), Failure.USAGE, "lies inside the source folder");
    }

    @Test
    void leavesNothingBehindWhenCancelled() throws Exception {
        Path output = dir.resolve("out").resolve("bundle.tar.gz");
        Files.createDirectories(output.getParent());
        BuildRequest request = TestBundles.request(TestBundles.sampleSource(), output, Compression.GZIP);
        ProgressListener cancelMidway = (phase, done, total) -> {
            if (phase.equals("write") && done > total / 2) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            assertThatThrownBy(() -> new BundleBuilder().build(request, cancelMidway))
                    .extracting(e -> ((BundleException) e).failure()).isEqualTo(Failure.CANCELLED);
        } finally {
            Thread.interrupted();
        }
        try (Stream<Path> left = Files.list(output.getParent())) {
            assertThat(left).isEmpty();
        }
    }

    private void assertRefused(Path source, Failure failure, String message) {
        assertRefused(source, dir.resolve("out.tar.gz"), failure, message);
    }

    private void assertRefused(Path source, Path output, Failure failure, String message) {
        assertThatThrownBy(() -> TestBundles.build(source, output, Compression.GZIP))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((BundleException) e).failure()).isEqualTo(failure);
        assertThat(output).doesNotExist();
        assertThat(output.resolveSibling(output.getFileName() + ".sha256")).doesNotExist();
    }

    private static BuildRequest withReplace(BuildRequest r) {
        return new BuildRequest(r.source(), r.output(), r.name(), r.version(), r.generation(), r.createdAt(),
                r.expiresAt(), r.compression(), true, r.producer(), r.limits());
    }

    private Path copyOfSample() throws IOException {
        Path target = Files.createTempDirectory(dir, "source");
        Path sample = TestBundles.sampleSource();
        try (Stream<Path> paths = Files.walk(sample)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(sample.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private static String run(Path workDir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
