package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, signing, countersigning and trust-checked verification as an operator and a reviewer run them. */
class SigningCommandsTest {
    private static final String SAMPLE = System.getProperty("airlock.sample.dir");
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;
    private Path bundle;
    private Path trust;

    @BeforeEach
    void keysAndBundle() throws Exception {
        Files.writeString(dir.resolve("pass"), PASSPHRASE + "\n");
        assertOk(CliRunner.run("keys", "generate", "--type", "ed25519", "--out", dir.resolve("alice").toString()));
        assertOk(CliRunner.run("keys", "generate", "--type", "ecdsa-p256", "--out", dir.resolve("bob").toString()));
        assertOk(CliRunner.run("keys", "generate", "--type", "rsa-3072", "--out", dir.resolve("carol").toString(),
                "--passphrase-file", dir.resolve("pass").toString()));
        assertOk(CliRunner.run("keys", "generate", "--type", "ed25519", "--out", dir.resolve("mallory").toString()));
        trust = Files.createDirectory(dir.resolve("trust"));
        for (String name : new String[] {"alice", "bob", "carol"}) {
            Files.copy(dir.resolve(name + ".pub.pem"), trust.resolve(name + ".pub.pem"));
        }
        bundle = dir.resolve("telemetry-offline-bundle-1.0.0.tar.gz");
        assertOk(CliRunner.run("bundle", "build", "--source", SAMPLE, "--out", bundle.toString(), "--version", "1.0.0"));
    }

    @Test
    void privateKeysAreOwnerOnlyAndEncryptedWhenAsked() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("alice.key.pem")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("carol.key.pem"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Files.readString(dir.resolve("alice.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        CliRunner.Result again = CliRunner.run("keys", "generate", "--type", "ed25519", "--out", dir.resolve("alice").toString());
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(CliRunner.run("keys", "generate", "--type", "dsa", "--out", dir.resolve("x").toString()).exitCode()).isEqualTo(4);
    }

    @Test
    void signCountersignAndVerifyWithThresholdsOneAndTwo() throws Exception {
        assertThat(verify("--trust", trust.toString()).exitCode()).isEqualTo(5);
        assertOk(CliRunner.run("bundle", "sign", bundle.toString(), "--key", dir.resolve("alice.key.pem").toString()));
        byte[] archiveBefore = Files.readAllBytes(bundle);
        assertOk(verify("--trust", trust.toString()));
        CliRunner.Result two = verify("--trust", trust.toString(), "--threshold", "2");
        assertThat(two.exitCode()).isEqualTo(5);
        assertThat(two.err()).contains("1 of 2 required trusted signatures missing");

        CliRunner.Result again = CliRunner.run("bundle", "sign", bundle.toString(), "--key", dir.resolve("alice.key.pem").toString());
        assertThat(again.out()).contains("had already signed");
        assertOk(CliRunner.run("bundle", "sign", bundle.toString(), "--key", dir.resolve("bob.key.pem").toString()));
        assertOk(CliRunner.run("bundle", "sign", bundle.toString(), "--key", dir.resolve("carol.key.pem").toString(),
                "--passphrase-file", dir.resolve("pass").toString()));
        assertThat(Files.readAllBytes(bundle)).isEqualTo(archiveBefore);

        CliRunner.Result three = verify("--trust", trust.toString(), "--threshold", "3", "--report",
                dir.resolve("evidence.html").toString());
        assertOk(three);
        assertThat(three.out()).contains("Signed by:  3 of 3 required: alice", "bob", "carol");
        assertThat(Files.readString(dir.resolve("evidence.html"))).contains("<h2>Signatures</h2>", "alice", "counted");
        assertOk(verify("--trust", trust.toString(), "--report", dir.resolve("evidence.json").toString()));
        JsonNode report = new ObjectMapper().readTree(dir.resolve("evidence.json").toFile());
        assertThat(report.at("/authentication/signatures")).hasSize(3);
        assertThat(report.at("/authentication/signatures/0/outcome").asText()).isEqualTo("counted");
        try (var sigstore = Files.list(dir)) {
            assertThat(sigstore.filter(p -> p.toString().endsWith(".sigstore.json"))).hasSize(3);
        }
    }

    @Test
    void refusesUntrustedSwappedAndWronglyUnlockedSignatures() throws Exception {
        assertOk(CliRunner.run("bundle", "sign", bundle.toString(), "--key", dir.resolve("mallory.key.pem").toString()));
        CliRunner.Result untrusted = verify("--trust", trust.toString());
        assertThat(untrusted.exitCode()).isEqualTo(5);

        Path other = dir.resolve("other.tar.gz");
        assertOk(CliRunner.run("bundle", "build", "--source", SAMPLE, "--out", other.toString(), "--version", "2.0.0"));
        assertOk(CliRunner.run("bundle", "sign", other.toString(), "--key", dir.resolve("alice.key.pem").toString()));
        Files.copy(dir.resolve("other.tar.gz.dsse.json"), dir.resolve(bundle.getFileName() + ".dsse.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRunner.Result swapped = verify("--trust", trust.toString());
        assertThat(swapped.exitCode()).isEqualTo(5);
        assertThat(swapped.err()).contains("different manifest");

        Files.writeString(dir.resolve("wrong"), "not it\n");
        CliRunner.Result wrong = CliRunner.run("bundle", "sign", bundle.toString(), "--key", dir.resolve("carol.key.pem").toString(),
                "--passphrase-file", dir.resolve("wrong").toString());
        assertThat(wrong.exitCode()).isEqualTo(4);
        assertThat(wrong.out() + wrong.err()).doesNotContain("not it").doesNotContain(PASSPHRASE);
        CliRunner.Result none = CliRunner.run("bundle", "sign", bundle.toString(), "--key", dir.resolve("carol.key.pem").toString());
        assertThat(none.exitCode()).isEqualTo(4);
        assertThat(none.err()).contains("is encrypted: a passphrase is required");
        assertThat(CliRunner.run("bundle", "verify", bundle.toString(), "--threshold", "2").exitCode()).isEqualTo(4);
    }

    @Test
    void rebuildingKeepsSignaturesOverTheSameManifestAndDropsStaleOnes() throws Exception {
        Path fixed = dir.resolve("fixed.tar.gz");
        String[] build = {"bundle", "build", "--source", SAMPLE, "--out", fixed.toString(), "--version", "1.0.0",
            "--created-at", "2026-11-20T00:00:00Z", "--force"};
        assertOk(CliRunner.run(build));
        assertOk(CliRunner.run("bundle", "sign", fixed.toString(), "--key", dir.resolve("alice.key.pem").toString()));
        assertOk(CliRunner.run(build));
        assertOk(CliRunner.run("bundle", "verify", fixed.toString(), "--trust", trust.toString()));

        build[7] = "1.0.1";
        assertOk(CliRunner.run(build));
        assertThat(dir.resolve("fixed.tar.gz.dsse.json")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("fixed.tar.gz.") && n.endsWith(".sigstore.json"));
        }
    }

    private CliRunner.Result verify(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "bundle";
        args[1] = "verify";
        args[2] = bundle.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRunner.run(args);
    }

    private static void assertOk(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }
}
