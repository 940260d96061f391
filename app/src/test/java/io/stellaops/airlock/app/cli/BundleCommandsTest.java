package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle commands as a user runs them, in-process, with their exit codes and messages. */
class BundleCommandsTest {
    private static final String SAMPLE = System.getProperty("airlock.sample.dir");

    @TempDir
    Path dir;

    @Test
    void buildsTwiceByteIdenticallyThenVerifiesAndInspects() throws Exception {
        CliRunner.Result first = build("--source", SAMPLE, "--out", dir.resolve("a.tar.gz").toString());
        CliRunner.Result second = build("--source", SAMPLE, "--out", dir.resolve("b.tar.gz").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("a.tar.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.tar.gz")));

        CliRunner.Result verify = CliRunner.run("bundle", "verify", dir.resolve("a.tar.gz").toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("Verified:   yes (integrity only: no signature was checked)")
                .contains("storage/tenants/loki-overrides.yaml");

        CliRunner.Result inspect = CliRunner.run("bundle", "inspect", "--json", dir.resolve("a.tar.gz").toString());
        JsonNode json = new ObjectMapper().readTree(inspect.out());
        assertThat(json.at("/bundle/version").asText()).isEqualTo("2026.11.0");
        assertThat(json.at("/bundle/generation").asLong()).isEqualTo(7);
        assertThat(json.at("/verified").asBoolean()).isFalse();
        assertThat(json.get("files")).extracting(JsonNode::toString).asString().contains("\"role\":\"tenant-overrides\"");
    }

    @Test
    void theEmbeddedSampleBuildsTheSameBytesAsTheRepositoryFolder() throws Exception {
        assertThat(build("--sample", "--out", dir.resolve("embedded.tar.gz").toString()).exitCode()).isZero();
        assertThat(build("--source", SAMPLE, "--out", dir.resolve("repo.tar.gz").toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("embedded.tar.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("repo.tar.gz")));
    }

    @Test
    void anOutputFolderGetsTheConventionalNameAndZstdItsSuffix() throws Exception {
        CliRunner.Result result = build("--source", SAMPLE, "--out", dir.toString(), "--compression", "zstd", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path archive = dir.resolve("telemetry-offline-bundle-2026.11.0.tar.zst");
        assertThat(archive).exists();
        assertThat(Files.readString(dir.resolve("telemetry-offline-bundle-2026.11.0.tar.zst.sha256")))
                .endsWith("  telemetry-offline-bundle-2026.11.0.tar.zst\n");
        assertThat(new ObjectMapper().readTree(result.out()).get("archive").asText()).isEqualTo(archive.toString());
    }

    @Test
    void refusesAnExistingOutputWithExit4AndChangesNothing() throws Exception {
        Path taken = Files.writeString(dir.resolve("taken.tar.gz"), "keep");
        CliRunner.Result result = build("--source", SAMPLE, "--out", taken.toString());
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).isEqualTo("airlock: build: output " + taken + " already exists (use --force to replace it)\n");
        assertThat(Files.readString(taken)).isEqualTo("keep");
        assertThat(build("--source", SAMPLE, "--out", taken.toString(), "--force").exitCode()).isZero();
    }

    @Test
    void mapsEachFailureToItsDocumentedExitCode() throws Exception {
        assertThat(build("--source", dir.resolve("missing").toString(), "--out", dir.resolve("x.tar.gz").toString()).exitCode())
                .isEqualTo(1);
        assertThat(CliRunner.run("bundle", "verify", dir.resolve("missing.tar.gz").toString()).exitCode()).isEqualTo(1);
        Path text = Files.writeString(dir.resolve("text.tar.gz"), "not an archive");
        CliRunner.Result notArchive = CliRunner.run("bundle", "verify", text.toString());
        assertThat(notArchive.exitCode()).isEqualTo(11);
        assertThat(notArchive.err()).contains("text.tar.gz is not a bundle archive");

        assertThat(build("--source", SAMPLE, "--out", dir.resolve("ok.tar.gz").toString()).exitCode()).isZero();
        Files.writeString(dir.resolve("ok.tar.gz.sha256"), "0".repeat(64) + "  ok.tar.gz\n");
        assertThat(CliRunner.run("bundle", "verify", dir.resolve("ok.tar.gz").toString()).exitCode()).isEqualTo(2);

        Path expired = dir.resolve("expired.tar.gz");
        assertThat(CliRunner.run("bundle", "build", "--source", SAMPLE, "--out", expired.toString(),
                "--created-at", "2020-01-01T00:00:00Z", "--expires-in", "1d").exitCode()).isZero();
        CliRunner.Result late = CliRunner.run("bundle", "verify", expired.toString());
        assertThat(late.exitCode()).isEqualTo(3);
        assertThat(late.err()).contains("bundle expired at 2020-01-02T00:00:00Z");

        assertThat(CliRunner.run("bundle", "build", "--out", "x").exitCode()).isEqualTo(4);
        assertThat(CliRunner.run("bundle", "build", "--sample", "--out", dir.toString(), "--compression", "lz4").exitCode())
                .isEqualTo(4);
        assertThat(CliRunner.run("bundle", "build", "--sample", "--out", dir.toString(), "--expires-in", "soon").exitCode())
                .isEqualTo(4);
        assertThat(CliRunner.run("frobnicate").exitCode()).isEqualTo(4);
    }

    @Test
    void verifyJsonKeepsTheRefusalAsEvidence() throws Exception {
        assertThat(build("--source", SAMPLE, "--out", dir.resolve("ok.tar.gz").toString()).exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(dir.resolve("ok.tar.gz"));
        Files.write(dir.resolve("cut.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        CliRunner.Result result = CliRunner.run("bundle", "verify", "--json", dir.resolve("cut.tar.gz").toString());
        assertThat(result.exitCode()).isEqualTo(11);
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("verdict").asText()).isEqualTo("refused");
        assertThat(report.get("failure").asText()).contains("corrupt or truncated");
        assertThat(report.at("/bundle/name").asText()).isEqualTo("telemetry-offline-bundle");
    }

    /**
     * A real JVM runs {@code Main --version} (and {@code -V}), which answers before building the
     * picocli tree: the same lines as picocli's own --version, exit 0.
     */
    @Test
    void theQuickVersionAnswerOfMainIsPicocliAnswer() throws Exception {
        String picocli = CliRunner.run("--version").out();
        for (String flag : List.of("--version", "-V")) {
            Process main = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.stellaops.airlock.app.Main", flag)
                    .redirectErrorStream(true).start();
            String out = new String(main.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(main.waitFor()).as(flag).isZero();
            assertThat(out.replace(System.lineSeparator(), "\n")).as(flag).isEqualTo(picocli.replace(System.lineSeparator(), "\n"));
        }
    }

    @Test
    void versionAndHelpWork() {
        CliRunner.Result version = CliRunner.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("airlock ");
        for (List<String> command : List.of(List.of("--help"), List.of("bundle", "--help"), List.of("bundle", "build", "--help"),
                List.of("bundle", "verify", "--help"), List.of("bundle", "inspect", "--help"))) {
            CliRunner.Result help = CliRunner.run(command.toArray(String[]::new));
            assertThat(help.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).contains("Usage: airlock");
        }
    }

    @Test
    void leavesNoPartialFilesWhenTheSourceIsRefused() throws Exception {
        Path source = Files.createDirectory(dir.resolve("src"));
        Files.writeString(source.resolve("a.yaml"), "a: 1\n");
        Files.createSymbolicLink(source.resolve("link.yaml"), source.resolve("a.yaml"));
        Path out = Files.createDirectory(dir.resolve("out"));
        CliRunner.Result result = build("--source", source.toString(), "--out", out.resolve("x.tar.gz").toString());
        assertThat(result.exitCode()).isEqualTo(11);
        assertThat(result.err()).contains("source 'link.yaml' is a symbolic link");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    private static CliRunner.Result build(String... args) {
        String[] all = Stream.concat(Stream.of("bundle", "build", "--created-at", "2026-11-01T10:00:00Z",
                "--version", "2026.11.0", "--generation", "7"), Stream.of(args)).toArray(String[]::new);
        return CliRunner.run(all);
    }
}
