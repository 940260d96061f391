package io.stellaops.airlock.bundle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.build.BuildRequest;
import io.stellaops.airlock.bundle.build.BundleBuilder;
import io.stellaops.airlock.bundle.manifest.Producer;
import io.stellaops.airlock.bundle.testing.Forge;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.testing.TreeSnapshot;
import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KitImporterTest {
    @TempDir
    Path dir;

    private Path kitRoot() throws Exception {
        return Files.createDirectories(dir.resolve("kit"));
    }

    private Path bundle(long generation, String version) throws Exception {
        return TestBundles.buildSample(dir, generation, version);
    }

    private static ImportResult importInto(KitLayout layout, Path archive) throws BundleException {
        return importInto(layout, archive, Optional.empty(), false);
    }

    private static ImportResult importInto(KitLayout layout, Path archive, Optional<String> force, boolean dryRun)
            throws BundleException {
        return new KitImporter(layout, TestBundles.options())
                .importBundle(new ImportRequest(archive, ManifestAuthenticator.NONE, dryRun, force, false), ProgressListener.NONE);
    }

    @Test
    void importsActivatesAndPlacesTheBundleWhereTheKitExpectsIt() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        ImportResult result = importInto(layout, bundle(42, "2026.11.0"));

        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.ACTIVATED);
        assertThat(Files.readSymbolicLink(layout.current())).isEqualTo(Path.of("bundles", "42-2026.11.0"));
        Path loki = layout.current().resolve("storage/tenants/loki-overrides.yaml");
        assertThat(Files.readString(loki)).isEqualTo(Files.readString(TestBundles.sampleSource().resolve("storage/tenants/loki-overrides.yaml")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loki))).isEqualTo("r--r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layout.current().resolve("scripts/verify-endpoints.sh"))))
                .isEqualTo("r-xr-xr-x");
        assertThat(layout.activeArchive(Compression.GZIP)).exists();
        assertThat(run(layout.telemetry(), "sha256sum", "-c", "telemetry-offline-bundle.tar.gz.sha256"))
                .contains("telemetry-offline-bundle.tar.gz: OK");
        KitState state = new KitStateStore(layout).read();
        assertThat(state.highestGeneration()).isEqualTo(42);
        assertThat(state.active()).map(KitEntry::directory).contains("42-2026.11.0");
        try (Stream<Path> leftovers = Files.list(layout.telemetry())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."  ) && !n.equals(".state"));
        }
    }

    /**
     * More files than the flushing pool's threads and queue hold, in nested folders, some
     * executable: every one arrives with its bytes, read-only, and so does every folder.
     */
    @Test
    void extractsManyFilesReadOnlyWhileFlushingThemInTheBackground() throws Exception {
        Path source = dir.resolve("many");
        for (int i = 0; i < 600; i++) {
            Path file = source.resolve(String.format("config/group-%02d/deeper-%d/file-%03d.%s", i / 40, i % 3, i,
                    i % 50 == 0 ? "sh" : "yaml"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, "key" + i + ": value\n".repeat(1 + i % 7));
            if (i % 50 == 0) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Path archive = TestBundles.build(source, dir.resolve("many.tar.zst"), Compression.ZSTD).archive();
        KitLayout layout = new KitLayout(kitRoot());

        assertThat(importInto(layout, archive).outcome()).isEqualTo(ImportResult.Outcome.ACTIVATED);

        Path payload = layout.current().toRealPath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path extracted = payload.resolve(source.relativize(file).toString());
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(extracted));
                if (Files.isDirectory(file)) {
                    assertThat(mode).as(extracted.toString()).isEqualTo("r-xr-xr-x");
                } else {
                    assertThat(Files.readAllBytes(extracted)).as(extracted.toString()).isEqualTo(Files.readAllBytes(file));
                    assertThat(mode).as(extracted.toString())
                            .isEqualTo(file.toString().endsWith(".sh") ? "r-xr-xr-x" : "r--r--r--");
                }
            }
        }
    }

    @Test
    void reimportingTheActiveBundleChangesNothing() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        Path archive = bundle(42, "2026.11.0");
        importInto(layout, archive);
        Map<String, String> before = TreeSnapshot.liveKit(layout.root());

        ImportResult again = importInto(layout, archive);

        assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.ALREADY_ACTIVE);
        assertThat(TreeSnapshot.liveKit(layout.root())).isEqualTo(before);
    }

    @Test
    void refusesAnOlderGenerationQuarantinesItAndLeavesTheKitAsItWas() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        importInto(layout, bundle(42, "2026.11.0"));
        Path older = bundle(41, "2026.10.0");
        Map<String, String> before = TreeSnapshot.liveKit(layout.root());

        BundleException refusal = catchThrowableOfType(BundleException.class, () -> importInto(layout, older));

        assertThat(refusal.failure()).isEqualTo(Failure.GENERATION);
        assertThat(refusal.getMessage()).isEqualTo("generation 41 is not newer than the highest imported generation 42"
                + " (active: generation 42 (telemetry-offline-bundle 2026.11.0)); to go back on purpose use --force-activate with --force-reason");
        assertThat(TreeSnapshot.liveKit(layout.root())).isEqualTo(before);
        assertThat(older).exists();
        Path quarantined;
        try (Stream<Path> entries = Files.list(layout.quarantine())) {
            quarantined = entries.findFirst().orElseThrow();
        }
        assertThat(quarantined.resolve(older.getFileName().toString())).exists();
        JsonNode reason = new ObjectMapper().readTree(quarantined.resolve("reason.json").toFile());
        assertThat(reason.get("exitCode").asInt()).isEqualTo(8);
        assertThat(reason.get("failure").asText()).isEqualTo("generation");
        assertThat(reason.at("/report/verdict").asText()).isEqualTo("refused");
        assertThat(refusal.getSuppressed()).hasSize(1);
    }

    @Test
    void aForcedOlderGenerationIsActivatedWithItsReasonAndRollbackReturns() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        importInto(layout, bundle(42, "2026.11.0"));
        ImportResult forced = importInto(layout, bundle(41, "2026.10.0"), Optional.of("42 breaks Loki retention, INC-7"), false);

        assertThat(forced.outcome()).isEqualTo(ImportResult.Outcome.ACTIVATED);
        KitState state = new KitStateStore(layout).read();
        assertThat(state.active()).map(KitEntry::forcedReason).contains(Optional.of("42 breaks Loki retention, INC-7"));
        assertThat(state.highestGeneration()).isEqualTo(42);

        KitEntry back = new KitRollback(layout, TestBundles.CLOCK).rollback(OptionalLong.empty(), Optional.empty());
        assertThat(back.generation()).isEqualTo(42);
        assertThat(Files.readSymbolicLink(layout.current())).isEqualTo(Path.of("bundles", "42-2026.11.0"));
        assertThat(run(layout.telemetry(), "sha256sum", "-c", "telemetry-offline-bundle.tar.gz.sha256")).contains(": OK");

        KitEntry to41 = new KitRollback(layout, TestBundles.CLOCK).rollback(OptionalLong.of(41), Optional.of("test"));
        assertThat(to41.directory()).isEqualTo("41-2026.10.0");
        assertThat(catchThrowableOfType(BundleException.class, () -> new KitRollback(layout, TestBundles.CLOCK)
                .rollback(OptionalLong.of(7), Optional.empty())).getMessage()).contains("generation 7 was never imported");
    }

    @Test
    void aTamperedBundleIsQuarantinedAndNothingLiveChanges() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        importInto(layout, bundle(5, "2026.05.0"));
        Map<String, String> before = TreeSnapshot.liveKit(layout.root());
        Forge forge = new Forge().file("a.yaml", "alpha: 1\n").file("b.yaml", "bravo: 2\n");
        Path hostile = forge.tar().file("a.yaml", forge.content("a.yaml")).file("../../etc/evil", "x")
                .write(dir.resolve("hostile.tar.gz"), Compression.GZIP);

        BundleException refusal = catchThrowableOfType(BundleException.class, () -> importInto(layout, hostile));

        assertThat(refusal.failure()).isEqualTo(Failure.REFUSED);
        assertThat(refusal.getMessage()).contains("'../../etc/evil' is not listed in the manifest");
        assertThat(TreeSnapshot.liveKit(layout.root())).isEqualTo(before);
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void aDryRunChangesNothingAtAll() throws Exception {
        Path root = kitRoot();
        ImportResult result = importInto(new KitLayout(root), bundle(42, "2026.11.0"), Optional.empty(), true);
        assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.DRY_RUN);
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void aSecondImportAtTheSameTimeIsRefusedNamingTheHolder() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        KitPreflight.createFolders(layout);
        Path archive = bundle(42, "2026.11.0");
        try (KitLock held = KitLock.acquire(layout, "kit import of other.tar.gz")) {
            BundleException busy = catchThrowableOfType(BundleException.class, () -> importInto(layout, archive));
            assertThat(busy.failure()).isEqualTo(Failure.USAGE);
            assertThat(busy.getMessage()).contains("is busy: locked by kit import of other.tar.gz (pid ");
        }
        assertThat(importInto(layout, archive).outcome()).isEqualTo(ImportResult.Outcome.ACTIVATED);
    }

    @Test
    void recoveryRemovesInterruptedWorkAndRestoresTheActivation() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        importInto(layout, bundle(42, "2026.11.0"));
        Map<String, String> before = TreeSnapshot.liveKit(layout.root());
        Files.createDirectories(layout.telemetry().resolve(".staging-123/payload/storage"));
        Files.createDirectories(layout.bundles().resolve("43-2026.12.0/storage"));
        Files.writeString(layout.stateDir().resolve(".state.json.abc.partial"), "{");
        Files.delete(layout.current());
        Files.writeString(layout.telemetry().resolve("telemetry-offline-bundle.tar.gz.sha256"), "stale\n");

        assertThat(KitRecovery.recover(layout, new KitStateStore(layout).read())).hasSize(4);
        assertThat(TreeSnapshot.liveKit(layout.root())).isEqualTo(before);
    }

    @Test
    void recoveryRemovesAQuarantineThatWasInterruptedAndKeepsTheCompletedOnes() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        importInto(layout, bundle(42, "2026.11.0"));
        catchThrowableOfType(BundleException.class, () -> importInto(layout, bundle(41, "2026.10.0")));
        Map<String, String> quarantined = TreeSnapshot.of(layout.quarantine(), p -> true);
        Path interrupted = Files.createDirectories(layout.quarantine().resolve(".20261125T120000Z-x.tar.gz.partial"));
        Files.writeString(interrupted.resolve("x.tar.gz"), "half a copy");

        assertThat(KitRecovery.recover(layout, new KitStateStore(layout).read()))
                .containsExactly("removed interrupted work quarantine/.20261125T120000Z-x.tar.gz.partial");
        assertThat(TreeSnapshot.of(layout.quarantine(), p -> true)).isEqualTo(quarantined).hasSizeGreaterThan(1);
    }

    @Test
    void refusesAMissingKitFolderAndABadClock() throws Exception {
        BundleException missing = catchThrowableOfType(BundleException.class,
                () -> importInto(new KitLayout(dir.resolve("nope")), bundle(1, "1.0.0")));
        assertThat(missing.failure()).isEqualTo(Failure.UNREADABLE);
        assertThat(missing.getMessage()).endsWith("nope does not exist");

        KitLayout layout = new KitLayout(kitRoot());
        importInto(layout, bundle(42, "2026.11.0"));
        VerifyOptions past = new VerifyOptions(Limits.DEFAULT,
                java.time.Clock.fixed(TestBundles.CREATED_AT.minusSeconds(3600), java.time.ZoneOffset.UTC), VerifyOptions.DEFAULT_CLOCK_SKEW);
        BundleException clock = catchThrowableOfType(BundleException.class, () -> new KitImporter(layout, past)
                .importBundle(new ImportRequest(bundle(43, "2026.12.0"), ManifestAuthenticator.NONE, false, Optional.empty(), false),
                        ProgressListener.NONE));
        assertThat(clock.failure()).isEqualTo(Failure.NOT_VALID_NOW);
        assertThat(clock.getMessage()).contains("is before the kit's last change");
    }

    @Test
    void anEarlierImportIsPointedToRollbackAndADryRunOfTheActiveBundleSaysSo() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        Path one = bundle(1, "1.0.0");
        importInto(layout, one);
        importInto(layout, bundle(2, "2.0.0"));

        BundleException again = catchThrowableOfType(BundleException.class, () -> importInto(layout, one));
        assertThat(again.failure()).isEqualTo(Failure.GENERATION);
        assertThat(again.getMessage()).isEqualTo("generation 1 was imported before (bundles/1-1.0.0); to make it active"
                + " again use 'airlock kit rollback --to 1'");

        ImportResult dryRun = importInto(layout, dir.resolve("telemetry-offline-bundle-2.0.0.tar.gz"), Optional.empty(), true);
        assertThat(dryRun.outcome()).isEqualTo(ImportResult.Outcome.ALREADY_ACTIVE);
    }

    @Test
    void statusReportsABrokenReceiptChainInsteadOfFailing() throws Exception {
        KitLayout layout = new KitLayout(kitRoot());
        importInto(layout, bundle(1, "1.0.0"));
        importInto(layout, bundle(2, "2.0.0"));
        importInto(layout, bundle(3, "3.0.0"));
        try (Stream<Path> receipts = Files.list(layout.receipts())) {
            Files.delete(receipts.sorted().toList().get(1));
        }
        KitStatus status = KitStatus.read(layout, TestBundles.CLOCK);
        assertThat(status.receipts()).isEqualTo(2);
        assertThat(status.receiptChainProblem()).hasValueSatisfying(p -> assertThat(p).startsWith("receipt chain broken at 000003-"));
        assertThat(status.state().active()).map(KitEntry::generation).contains(3L);
    }

    private static String run(Path workDir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
