package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit commands as an operator runs them, in-process, with their exit codes, messages and effect on the kit. */
class KitCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static KitFixture fixture;
    private static Path gen1;
    private static Path gen2;

    @TempDir
    Path dir;

    private Path kit;

    @BeforeAll
    static void signedBundles() throws Exception {
        fixture = KitFixture.create(shared);
        gen1 = fixture.signedBundle(1, "1.0.0");
        gen2 = fixture.signedBundle(2, "2.0.0");
    }

    @BeforeEach
    void emptyKitFolder() throws Exception {
        kit = Files.createDirectories(dir.resolve("kit"));
    }

    @Test
    void importsReimportsShowsStatusAndRollsBack() throws Exception {
        CliRunner.Result first = kitImport(gen1);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Imported and activated generation 1 (telemetry-offline-bundle 1.0.0) as ")
                .contains("Signed by:  1 of 1 required: release (ed25519 ");

        Map<String, String> before = KitFixture.liveKit(kit);
        CliRunner.Result again = kitImport(gen1);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Already active: generation 1 (telemetry-offline-bundle 1.0.0); nothing changed");
        assertThat(KitFixture.liveKit(kit)).isEqualTo(before);

        assertThat(kitImport(gen2).exitCode()).isZero();
        JsonNode status = status();
        assertThat(status.at("/active/generation").asLong()).isEqualTo(2);
        assertThat(status.at("/active/directory").asText()).isEqualTo("2-2.0.0");
        assertThat(status.at("/active/archiveFile").asText()).isEqualTo(gen2.getFileName().toString());
        assertThat(status.at("/active/archiveSha256").asText())
                .isEqualTo(KitFixture.sha256(Files.readAllBytes(gen2)));
        assertThat(status.get("highestGeneration").asLong()).isEqualTo(2);
        assertThat(status.get("quarantined").asInt()).isZero();
        assertThat(status.get("expired").asBoolean()).isFalse();
        assertThat(status.get("activeAgeDays").asLong()).isZero();
        assertThat(status.get("consistent").asBoolean()).isTrue();
        assertThat(status.get("checkedAt").asText()).isNotEmpty();
        assertThat(status.get("imported")).extracting(e -> e.get("directory").asText()).containsExactly("1-1.0.0", "2-2.0.0");
        assertThat(status.get("history")).extracting(e -> e.get("action").asText()).containsExactly("imported", "imported");

        CliRunner.Result rollback = CliRunner.run("kit", "rollback", "--kit", kit.toString(), "--reason", "2 breaks Loki");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).isEqualTo("Rolled back: generation 1 (telemetry-offline-bundle 1.0.0) is active\n");
        JsonNode back = status();
        assertThat(back.at("/active/generation").asLong()).isEqualTo(1);
        assertThat(back.get("highestGeneration").asLong()).as("rolling back never lowers the highest generation").isEqualTo(2);
        assertThat(back.at("/history/2/action").asText()).isEqualTo("rolled-back");
        assertThat(back.at("/history/2/reason").asText()).isEqualTo("2 breaks Loki");
        assertThat(Files.readSymbolicLink(kit.resolve("telemetry/current"))).isEqualTo(Path.of("bundles", "1-1.0.0"));

        CliRunner.Result text = CliRunner.run("kit", "status", "--kit", kit.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Active:       generation 1 (telemetry-offline-bundle 1.0.0) in bundles/1-1.0.0")
                .contains("Highest:      generation 2").contains("rolled-back generation 1 (1-1.0.0): 2 breaks Loki");
    }

    @Test
    void anOlderGenerationIsRefusedWithExit8AndQuarantinedUnlessForcedWithAReason() throws Exception {
        assertThat(kitImport(gen2).exitCode()).isZero();
        Map<String, String> before = KitFixture.liveKit(kit);

        CliRunner.Result older = kitImport(gen1);
        assertThat(older.exitCode()).isEqualTo(ExitCodes.GENERATION);
        assertThat(older.err()).contains("airlock: import: quarantined in " + kit.resolve("telemetry/quarantine").toAbsolutePath())
                .contains("airlock: import: generation 1 is not newer than the highest imported generation 2");
        assertThat(KitFixture.liveKit(kit)).isEqualTo(before);
        Path quarantined = onlyQuarantined();
        assertThat(quarantined.getFileName().toString()).endsWith("-" + gen1.getFileName());
        assertThat(quarantined.resolve(gen1.getFileName().toString())).hasSameBinaryContentAs(gen1);
        assertThat(quarantined.resolve(gen1.getFileName() + ".dsse.json")).exists();
        JsonNode reason = JSON.readTree(quarantined.resolve("reason.json").toFile());
        assertThat(reason.get("exitCode").asInt()).isEqualTo(8);
        assertThat(reason.get("failure").asText()).isEqualTo("generation");
        assertThat(reason.get("moved").asBoolean()).isFalse();
        assertThat(gen1).as("copied, not moved, without --move").exists();
        assertThat(status().get("quarantined").asInt()).isEqualTo(1);

        CliRunner.Result noReason = kitImport(gen1, "--force-activate");
        assertThat(noReason.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noReason.err()).isEqualTo("airlock: import: --force-activate and --force-reason go together\n");
        assertThat(kitImport(gen1, "--force-reason", "why").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(kitImport(gen1, "--force-activate", "--force-reason", " ").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(KitFixture.liveKit(kit)).isEqualTo(before);

        CliRunner.Result forced = kitImport(gen1, "--force-activate", "--force-reason", "2 breaks Loki retention, INC-7");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Imported and activated generation 1").contains("Forced:     2 breaks Loki retention, INC-7");
        JsonNode status = status();
        assertThat(status.at("/active/generation").asLong()).isEqualTo(1);
        assertThat(status.at("/active/forcedReason").asText()).isEqualTo("2 breaks Loki retention, INC-7");
        assertThat(status.get("highestGeneration").asLong()).isEqualTo(2);
    }

    @Test
    void anUnsignedBundleIsRefusedWithExit5AndQuarantined() throws Exception {
        assertThat(kitImport(gen1).exitCode()).isZero();
        Map<String, String> before = KitFixture.liveKit(kit);
        Path unsigned = fixture.unsignedBundle(3, "3.0.0-unsigned");

        CliRunner.Result result = kitImport(unsigned);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.SIGNATURE);
        assertThat(KitFixture.liveKit(kit)).isEqualTo(before);
        JsonNode reason = JSON.readTree(onlyQuarantined().resolve("reason.json").toFile());
        assertThat(reason.get("exitCode").asInt()).isEqualTo(5);
        assertThat(reason.get("failure").asText()).isEqualTo("signature");
        assertThat(status().get("highestGeneration").asLong()).as("a refused bundle raises nothing").isEqualTo(1);
    }

    @Test
    void aTamperedArchiveIsRefusedWithExit11AndTheKitIsUnchanged() throws Exception {
        assertThat(kitImport(gen1).exitCode()).isZero();
        Map<String, String> before = KitFixture.liveKit(kit);
        Path tampered = KitFixture.copyBundle(gen2, dir.resolve("tampered"));
        Files.write(tampered, "garbage after the end".getBytes(java.nio.charset.StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        CliRunner.Result result = kitImport(tampered, "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.REFUSED);
        assertThat(JSON.readTree(result.out()).get("verdict").asText()).isEqualTo("refused");
        assertThat(KitFixture.liveKit(kit)).isEqualTo(before);
        assertThat(JSON.readTree(onlyQuarantined().resolve("reason.json").toFile()).get("exitCode").asInt()).isEqualTo(11);
    }

    @Test
    void kitImportNeedsATrustPolicy() throws Exception {
        CliRunner.Result result = CliRunner.run("kit", "import", gen1.toString(), "--kit", kit.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("kit import needs --trust");
        assertThat(contents(kit)).isEmpty();
    }

    @Test
    void aDryRunOnAnEmptyKitChangesNothing() throws Exception {
        CliRunner.Result result = kitImport(gen1, "--dry-run");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Dry run: generation 1 (telemetry-offline-bundle 1.0.0) verified and would be imported; nothing changed");
        assertThat(contents(kit)).isEmpty();
    }

    @Test
    void aKitFolderThatDoesNotExistIsExit1ForEveryCommand() throws Exception {
        Path missing = dir.resolve("no-such-kit");
        CliRunner.Result result = CliRunner.run("kit", "import", gen1.toString(), "--kit", missing.toString(), "--trust",
                fixture.trust.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(result.err()).isEqualTo("airlock: import: kit folder " + missing + " does not exist\n");
        assertThat(CliRunner.run("kit", "status", "--kit", missing.toString()).exitCode()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(CliRunner.run("kit", "rollback", "--kit", missing.toString()).exitCode()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(missing).doesNotExist();
    }

    /**
     * Root writes anywhere, so as root the import runs in a child JVM through util-linux
     * {@code setpriv} without the capabilities that let root bypass file permissions.
     */
    @Test
    void aKitFolderWithoutWritePermissionIsExit1() throws Exception {
        Files.setPosixFilePermissions(kit, PosixFilePermissions.fromString("r-xr-xr-x"));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"));
        }
        command.addAll(List.of(KitFixture.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.stellaops.airlock.app.Main",
                "kit", "import", gen1.toString(), "--kit", kit.toString(), "--trust", fixture.trust.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(output).isEqualTo("airlock: import: kit folder " + kit.toRealPath() + " is not writable\n");
        Files.setPosixFilePermissions(kit, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(contents(kit)).isEmpty();
    }

    @Test
    void statusOfAnEmptyKitAndRollbackWithNothingToGoBackTo() throws Exception {
        JsonNode empty = status();
        assertThat(empty.get("active").isNull()).isTrue();
        assertThat(empty.get("highestGeneration").asLong()).isZero();
        assertThat(CliRunner.run("kit", "status", "--kit", kit.toString()).out()).startsWith("Active:       none");
        assertThat(contents(kit)).as("status is read-only").isEmpty();

        assertThat(kitImport(gen1).exitCode()).isZero();
        CliRunner.Result rollback = CliRunner.run("kit", "rollback", "--kit", kit.toString());
        assertThat(rollback.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(rollback.err()).contains("no earlier bundle to roll back to");
        assertThat(CliRunner.run("kit", "rollback", "--kit", kit.toString(), "--to", "7").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private CliRunner.Result kitImport(Path archive, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("kit", "import", archive.toString(), "--kit", kit.toString(),
                "--trust", fixture.trust.toString()));
        args.addAll(List.of(options));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private JsonNode status() throws Exception {
        CliRunner.Result status = KitFixture.ok(CliRunner.run("kit", "status", "--kit", kit.toString(), "--json"));
        return JSON.readTree(status.out());
    }

    private Path onlyQuarantined() throws Exception {
        try (Stream<Path> entries = Files.list(kit.resolve("telemetry/quarantine"))) {
            List<Path> all = entries.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static List<Path> contents(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }
}
