package io.stellaops.airlock.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.kit.KitState;
import io.stellaops.airlock.bundle.kit.KitStateStore;
import io.stellaops.airlock.bundle.kit.Receipts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills a real {@code airlock kit import} process (a child JVM running {@code app.Main}) with
 * SIGKILL at points spread over every phase of an import, then checks what design.md promises: the
 * kit still reads, nothing half-done is visible, the next import repairs it, and the result is the
 * kit of either no import (before the state is written) or of a completed one (from then on). The
 * phases: verify (staging created, then three random byte offsets of the one verify-and-extract
 * pass), extract (all verified), fsync (archive staged, then flushed and read-only), publish
 * (payload and archive moved), state write (the commit), receipt, activate (current swapped, then
 * everything active) and cleanup (staging removed). The child pauses at the point through the
 * {@code airlock.test.pauseAt} hook and announces it on standard error, so the kill lands exactly
 * there rather than after a guessed delay. The random offsets come from {@code airlock.test.crashSeed}
 * when set (the test names show the offsets, which reproduce with {@code extract-byte:N}).
 */
class KitCrashConsistencyTest {
    /** In import order, with {@code extract-byte} standing for the random offsets; from {@link #COMMIT} on, the state records generation 2. */
    private static final List<String> POINTS = List.of("staging-created", "extract-byte", "verified", "archive-staged",
            "extracted", "payload-moved", "archive-moved", "state-written", "receipt-written", "current-swapped",
            "activated", "cleaned-up");
    private static final String COMMIT = "state-written";
    /** Committed, but the visible parts (current, the active archive) still show generation 1. */
    private static final Set<String> HALF_ACTIVATED = Set.of("state-written", "receipt-written", "current-swapped");
    private static final int RANDOM_OFFSETS = 3;
    private static final long PAUSE_WAIT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static KitFixture fixture;
    private static Path gen1;
    private static Path gen2;
    private static Map<String, String> uninterruptedTree;
    private static JsonNode uninterruptedState;

    @TempDir
    Path dir;

    private static long payloadBytes;

    /** Every named point, with the random extraction offsets in place of {@code extract-byte}. */
    static Stream<String> crashPoints() {
        long seed = Long.getLong("airlock.test.crashSeed", System.nanoTime());
        Random random = new Random(seed);
        List<String> points = new ArrayList<>();
        for (String point : POINTS) {
            if (!point.equals("extract-byte")) {
                points.add(point);
                continue;
            }
            // One offset in each third of the payload, so that early, middle and late extraction are all hit.
            for (int i = 0; i < RANDOM_OFFSETS; i++) {
                long from = payloadBytes * i / RANDOM_OFFSETS;
                long to = payloadBytes * (i + 1) / RANDOM_OFFSETS;
                points.add("extract-byte:" + (from + (long) (random.nextDouble() * (to - from))));
            }
        }
        return points.stream();
    }

    private static int order(String point) {
        return POINTS.indexOf(point.startsWith("extract-byte:") ? "extract-byte" : point);
    }

    @BeforeAll
    static void signedBundlesAndAnUninterruptedImport() throws Exception {
        fixture = KitFixture.create(shared);
        gen1 = fixture.signedBundle(1, "1.0.0");
        gen2 = fixture.signedBundle(2, "2.0.0");
        Path reference = Files.createDirectories(shared.resolve("uninterrupted"));
        KitFixture.ok(importInProcess(gen1, reference));
        KitFixture.ok(importInProcess(gen2, reference));
        uninterruptedTree = withoutState(reference);
        uninterruptedState = comparableState(reference);
        try (Stream<Path> files = Files.walk(reference.resolve("telemetry/bundles/2-2.0.0"))) {
            payloadBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(payloadBytes).as("payload bytes of the sample").isGreaterThan(1000);
    }

    @ParameterizedTest(name = "killed at {0}")
    @MethodSource("crashPoints")
    void aKilledImportLeavesAKitThatTheNextImportCompletes(String point) throws Exception {
        boolean committed = order(point) >= order(COMMIT);
        Path kit = Files.createDirectories(dir.resolve("kit"));
        KitFixture.ok(importInProcess(gen1, kit));
        Map<String, String> beforeCrash = withoutLock(kit);

        killAt(point, kit);

        Map<String, String> crashed = KitFixture.tree(kit, p -> true);
        Path current = new KitLayout(kit).current();
        assertThat(current).as("current after the kill").isDirectory();
        assertThat(Files.readSymbolicLink(current)).as("current after the kill")
                .isIn(Path.of("bundles", "1-1.0.0"), Path.of("bundles", "2-2.0.0"));
        JsonNode status = statusJson(kit);
        assertThat(KitFixture.tree(kit, p -> true)).as("kit status is read-only").isEqualTo(crashed);
        assertThat(status.at("/active/generation").asLong()).isEqualTo(committed ? 2 : 1);
        assertThat(status.get("highestGeneration").asLong()).isEqualTo(committed ? 2 : 1);
        assertThat(status.get("consistent").asBoolean()).as("consistent").isEqualTo(!HALF_ACTIVATED.contains(point));

        if (!committed) {
            CliRunner.Result again = KitFixture.ok(importInProcess(gen1, kit));
            assertThat(again.out()).contains("Recovered: removed interrupted work telemetry/.staging-")
                    .contains("Already active: generation 1 (telemetry-offline-bundle 1.0.0); nothing changed");
            assertThat(withoutLock(kit)).as("the kit as before the killed import").isEqualTo(beforeCrash);
        }

        String completed = runImport(gen2, kit);
        assertThat(completed).contains(committed ? "Already active: generation 2" : "Imported and activated generation 2");
        if (HALF_ACTIVATED.contains(point)) {
            assertThat(completed).contains("Recovered: re-activated generation 2 (telemetry-offline-bundle 2.0.0)");
        }
        assertCompletedKit(kit);
        assertThat(withoutState(kit)).as("the kit as after an uninterrupted import").isEqualTo(uninterruptedTree);
        assertThat(comparableState(kit)).isEqualTo(uninterruptedState);
    }

    /** Starts a real import of generation 2, waits for it to pause at {@code point}, and SIGKILLs it there. */
    private void killAt(String point, Path kit) throws Exception {
        Process process = new ProcessBuilder(childCommand(List.of("-Dairlock.test.pauseAt=" + point),
                "kit", "import", gen2.toString(), "--kit", kit.toString(), "--trust", fixture.trust.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            StringBuilder stderr = new StringBuilder();
            CompletableFuture<Void> paused = watchFor("AIRLOCK-PAUSED " + point, process, stderr);
            try {
                paused.get(PAUSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                synchronized (stderr) {
                    fail("the import did not reach " + point + " within " + PAUSE_WAIT_SECONDS + " s; stderr so far:\n" + stderr);
                }
            } catch (ExecutionException e) {
                fail("the import ended before reaching " + point + ": " + e.getCause().getMessage());
            }
            CliRunner.Result busy = importInProcess(gen2, kit);
            assertThat(busy.exitCode()).as("a second import while the first holds the lock").isEqualTo(ExitCodes.USAGE);
            assertThat(busy.err()).contains("is busy: locked by kit import of " + gen2.getFileName() + " (pid " + process.pid());
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed import ended").isTrue();
        }
        assertThat(process.exitValue()).as("exit value of a SIGKILLed process").isEqualTo(128 + 9);
    }

    /** Reads the child's standard error line by line; completes when {@code marker} is seen, fails at its end. */
    private static CompletableFuture<Void> watchFor(String marker, Process process, StringBuilder seen) {
        CompletableFuture<Void> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = process.errorReader(UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (seen) {
                        seen.append(line).append('\n');
                    }
                    if (line.equals(marker)) {
                        found.complete(null);
                    }
                }
            } catch (IOException e) {
                // The stream closes under the reader when the process is killed.
            }
            synchronized (seen) {
                found.completeExceptionally(new IllegalStateException("stderr ended without '" + marker + "':\n" + seen));
            }
        }, "stderr of " + process.pid());
        reader.setDaemon(true);
        reader.start();
        return found;
    }

    /**
     * Runs a normal import (which recovers first) and returns its output; it must succeed. In this
     * JVM rather than a child: the same command tree and library, one JVM start less per point.
     */
    private String runImport(Path archive, Path kit) {
        CliRunner.Result result = KitFixture.ok(importInProcess(archive, kit));
        return result.out() + result.err();
    }

    private static List<String> childCommand(List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(KitFixture.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto"));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.stellaops.airlock.app.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private static CliRunner.Result importInProcess(Path archive, Path kit) {
        return CliRunner.run("kit", "import", archive.toString(), "--kit", kit.toString(), "--trust", fixture.trust.toString());
    }

    private static JsonNode statusJson(Path kit) throws IOException {
        CliRunner.Result status = KitFixture.ok(CliRunner.run("kit", "status", "--kit", kit.toString(), "--json"));
        return JSON.readTree(status.out());
    }

    /** The invariants of a kit after a completed import of generation 2. */
    private static void assertCompletedKit(Path kit) throws Exception {
        KitLayout layout = new KitLayout(kit);
        KitState state = new KitStateStore(layout).read();
        assertThat(state.highestGeneration()).isEqualTo(2);
        assertThat(state.active().orElseThrow().directory()).isEqualTo("2-2.0.0");
        assertThat(Files.readSymbolicLink(layout.current())).isEqualTo(Path.of("bundles", "2-2.0.0"));
        assertThat(layout.current().resolve("storage/tenants/loki-overrides.yaml")).isRegularFile();

        Process check = new ProcessBuilder("sha256sum", "-c", "telemetry-offline-bundle.tar.gz.sha256")
                .directory(layout.telemetry().toFile()).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(checked).isZero();
        assertThat(checked).isEqualTo("telemetry-offline-bundle.tar.gz: OK\n");

        try (Stream<Path> all = Files.walk(kit)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .as("interrupted work left in the kit")
                    .noneMatch(name -> name.startsWith(".staging-") || name.endsWith(".partial"));
        }
        assertThat(Receipts.verifyChain(layout, Limits.DEFAULT)).as("receipts chained").isPositive();
        assertThat(names(layout.bundles())).isEqualTo(new TreeSet<>(state.directories()));
        assertThat(names(layout.archives())).isEqualTo(new TreeSet<>(state.directories()));
        assertThat(state.directories()).containsExactlyInAnyOrder("1-1.0.0", "2-2.0.0");
    }

    private static TreeSet<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** The whole kit but the lock file, whose content names the last holder (the killed process, say). */
    private static Map<String, String> withoutLock(Path kit) throws IOException {
        return KitFixture.tree(kit, p -> !p.equals("telemetry/.state/lock") && !p.startsWith("telemetry/receipts"));
    }

    private static Map<String, String> withoutState(Path kit) throws IOException {
        return KitFixture.tree(kit, p -> !p.equals("telemetry/.state/lock") && !p.equals("telemetry/.state/state.json")
                && !p.startsWith("telemetry/receipts"));
    }

    /** state.json without the times of the import and of each event, which differ from run to run. */
    private static JsonNode comparableState(Path kit) throws IOException {
        JsonNode state = JSON.readTree(new KitLayout(kit).stateFile().toFile());
        state.get("imported").forEach(entry -> ((ObjectNode) entry).remove("importedAt"));
        state.get("history").forEach(event -> ((ObjectNode) event).remove("at"));
        return state;
    }
}
