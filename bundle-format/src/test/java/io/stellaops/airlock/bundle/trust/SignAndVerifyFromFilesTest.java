package io.stellaops.airlock.bundle.trust;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.KeyLoader;
import io.stellaops.airlock.bundle.keys.KeyWriter;
import io.stellaops.airlock.bundle.keys.Passphrase;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import io.stellaops.airlock.bundle.sign.BundleSigner;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three commands end to end through files only, the way the CLI will chain them: keys
 * generate, bundle sign (twice, countersigning), bundle verify --trust trust.yaml.
 */
class SignAndVerifyFromFilesTest {
    @TempDir
    Path dir;

    @Test
    void generateSignCountersignAndVerifyAgainstTrustYaml() throws Exception {
        Path archive = TestBundles.buildSample(dir).archive();
        KeyWriter writer = new KeyWriter(new SecureRandom());
        writer.write(SigningKeys.generate(KeyAlgorithm.ED25519, new SecureRandom()), dir.resolve("alice.key.pem"),
                dir.resolve("alice.pub.pem"), Optional.empty());
        Files.writeString(dir.resolve("bob.pass"), "bob's passphrase\n", UTF_8);
        try (Passphrase passphrase = Passphrase.fromUtf8(Files.readAllBytes(dir.resolve("bob.pass")))) {
            writer.write(SigningKeys.generate(KeyAlgorithm.RSA_3072, new SecureRandom()), dir.resolve("bob.key.pem"),
                    dir.resolve("bob.pub.pem"), Optional.of(passphrase));
        }

        BundleSigner signer = new BundleSigner(TestBundles.options());
        signer.sign(archive, KeyLoader.load(dir.resolve("alice.key.pem"), Optional.empty(), Optional.empty()));
        try (Passphrase passphrase = Passphrase.fromUtf8(Files.readAllBytes(dir.resolve("bob.pass")))) {
            SigningKey bob = KeyLoader.load(dir.resolve("bob.key.pem"), Optional.of(passphrase), Optional.empty());
            assertThat(signer.sign(archive, bob).signatureCount()).isEqualTo(2);
        }
        Files.writeString(dir.resolve("trust.yaml"), """
                threshold: 2
                keys:
                  - {name: alice, file: alice.pub.pem}
                  - {name: bob, file: bob.pub.pem}
                """, UTF_8);

        TrustPolicy policy = TrustPolicies.load(dir.resolve("trust.yaml"));
        VerificationReport report = new BundleVerifier(TestBundles.options()).verify(archive,
                new DsseAuthenticator(policy, Limits.DEFAULT), PayloadSink.DISCARD, ProgressListener.NONE);

        assertThat(report.verified()).isTrue();
        assertThat(report.check("signature").orElseThrow().detail())
                .matches("2 of 2 required: alice \\(ed25519 [0-9a-f]{16}\\), bob \\(rsa-3072 [0-9a-f]{16}\\)");
        assertThat(report.check("contents").orElseThrow().status().name()).isEqualTo("PASSED");
    }
}
