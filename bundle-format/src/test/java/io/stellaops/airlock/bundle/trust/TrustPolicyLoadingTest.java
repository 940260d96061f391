package io.stellaops.airlock.bundle.trust;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.testing.TestKeys;
import io.stellaops.airlock.bundle.testing.TestKeys.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustPolicyLoadingTest {
    private static final Instant T = TestBundles.CREATED_AT;
    private static SigningKey alice;
    private static SigningKey bob;
    private static TestCa ca;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        alice = TestKeys.generate(KeyAlgorithm.ED25519);
        bob = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
        ca = TestKeys.ca("Ops CA", T.minus(Duration.ofDays(9)), T.plus(Duration.ofDays(9)));
    }

    @Test
    void aFolderTrustsPublicKeysByFileNameCasAndTheKeysOfOtherCertificates() throws Exception {
        TestKeys.publicPem(alice, dir.resolve("alice.pub.pem"));
        TestKeys.writePem(dir.resolve("ops-ca.pem"), ca.certificate());
        TestKeys.writePem(dir.resolve("bob.cert.pem"),
                TestKeys.leaf(ca, "Bob Builder", bob.verificationKey().publicKey(), T, T.plus(Duration.ofDays(1))));
        Files.writeString(dir.resolve("README.txt"), "not a pem file, ignored");

        TrustPolicy policy = TrustPolicies.load(dir);

        assertThat(policy.threshold()).isEqualTo(1);
        assertThat(policy.cas()).containsExactly(ca.certificate());
        assertThat(policy.keys()).extracting(TrustedKey::keyId).containsExactly(alice.keyId(), bob.keyId());
        assertThat(policy.keys()).extracting(TrustedKey::name)
                .containsExactly(Optional.of("alice"), Optional.of("Bob Builder"));
        assertThat(policy.source()).isEqualTo(dir.toString());
    }

    @Test
    void aFolderWithAPrivateKeyIsRefused() throws Exception {
        TestKeys.publicPem(alice, dir.resolve("alice.pub.pem"));
        TestKeys.opensslEcKey(dir, "oops");
        BundleException e = catchThrowableOfType(BundleException.class, () -> TrustPolicies.load(dir));
        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("oops.key.pem holds a 'PRIVATE KEY' block; a trust folder holds public keys"
                + " and certificates only");
    }

    @Test
    void anEmptyFolderTrustsNothingAndIsRefused() throws Exception {
        BundleException e = catchThrowableOfType(BundleException.class, () -> TrustPolicies.load(dir));
        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).endsWith("trusts no key and no CA");
    }

    @Test
    void trustYamlReadsKeysFromFilesAndInlinePemCasThresholdAndSigners() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        TestKeys.publicPem(alice, dir.resolve("keys/alice.pub.pem"));
        TestKeys.writePem(dir.resolve("ca.pem"), ca.certificate());
        String bobPem = new String(bob.verificationKey().toPem(), UTF_8).indent(6);
        Path yaml = write("trust.yaml", """
                threshold: 2
                keys:
                  - name: alice
                    file: keys/alice.pub.pem
                  - name: bob
                    pem: |
                %s
                cas:
                  - file: ca.pem
                signers: [alice, bob, carol]
                """.formatted(bobPem.stripTrailing()));

        TrustPolicy policy = TrustPolicies.load(yaml);

        assertThat(policy.threshold()).isEqualTo(2);
        assertThat(policy.keys()).extracting(TrustedKey::keyId).containsExactly(alice.keyId(), bob.keyId());
        assertThat(policy.keys()).extracting(TrustedKey::name).containsExactly(Optional.of("alice"), Optional.of("bob"));
        assertThat(policy.cas()).containsExactly(ca.certificate());
        assertThat(policy.allowedSigners()).containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    void trustYamlRefusesUnknownFields() throws Exception {
        TestKeys.publicPem(alice, dir.resolve("alice.pub.pem"));
        assertYamlRefused("keys:\n  - name: alice\n    file: alice.pub.pem\n    trusted: always\n",
                "trust.yaml: keys[0] has unknown field(s) 'trusted'");
        assertYamlRefused("threshhold: 1\nkeys:\n  - {name: alice, file: alice.pub.pem}\n",
                "trust.yaml: trust policy has unknown field(s) 'threshhold'");
    }

    @Test
    void trustYamlRefusesDuplicateKeys() throws Exception {
        TestKeys.publicPem(alice, dir.resolve("alice.pub.pem"));
        assertYamlRefused("threshold: 1\nthreshold: 2\nkeys:\n  - {name: alice, file: alice.pub.pem}\n",
                "trust.yaml: is not valid YAML");
    }

    @Test
    void trustYamlRefusesInconsistentEntries() throws Exception {
        TestKeys.publicPem(alice, dir.resolve("alice.pub.pem"));
        TestKeys.publicPem(alice, dir.resolve("alice-again.pub.pem"));
        TestKeys.writePem(dir.resolve("leaf.pem"),
                TestKeys.leaf(ca, "x", bob.verificationKey().publicKey(), T, T.plus(Duration.ofDays(1))));
        assertYamlRefused("keys:\n  - {name: alice, file: alice.pub.pem, pem: x}\n",
                "keys[0] needs exactly one of 'file' and 'pem'");
        assertYamlRefused("threshold: 2\nkeys:\n  - {name: alice, file: alice.pub.pem}\n",
                "threshold 2 can never be met by 1 trusted key(s) and no CA");
        assertYamlRefused("keys:\n  - {name: alice, file: alice.pub.pem}\n  - {name: al, file: alice-again.pub.pem}\n",
                "is listed twice");
        assertYamlRefused("keys:\n  - {name: alice, file: alice.pub.pem}\n  - {name: alice, file: alice-again.pub.pem}\n",
                "keys[1].name 'alice' is used twice");
        assertYamlRefused("cas:\n  - file: leaf.pem\n", "cas[0]: 'CN=x' is not a CA certificate");
        assertYamlRefused("threshold: two\nkeys:\n  - {name: alice, file: alice.pub.pem}\n",
                "threshold must be an integer");
        assertYamlRefused("keys:\n  - {name: \"\\u0007bell\", file: alice.pub.pem}\n", "keys[0].name '\\u0007bell'");
    }

    @Test
    void aMissingTrustPolicyIsUnreadable() {
        BundleException e = catchThrowableOfType(BundleException.class,
                () -> TrustPolicies.load(dir.resolve("nope.yaml")));
        assertThat(e.failure()).isEqualTo(Failure.UNREADABLE);
        assertThat(e.getMessage()).contains("nope.yaml does not exist");
    }

    @Test
    void aMissingKeyFileNamedInTrustYamlIsUnreadable() throws Exception {
        Path yaml = write("trust.yaml", "keys:\n  - {name: alice, file: gone.pub.pem}\n");
        BundleException e = catchThrowableOfType(BundleException.class, () -> TrustPolicies.load(yaml));
        assertThat(e.failure()).isEqualTo(Failure.UNREADABLE);
        assertThat(e.getMessage()).contains("gone.pub.pem");
    }

    private void assertYamlRefused(String text, String fragment) throws Exception {
        Path yaml = write("trust.yaml", text);
        BundleException e = catchThrowableOfType(BundleException.class, () -> TrustPolicies.load(yaml));
        assertThat(e).as(text).isNotNull();
        assertThat(e.failure()).as(e.getMessage()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains(fragment);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, UTF_8);
    }

    @Test
    void aFolderWithItsOwnTrustYamlMeansThatPolicyAndThresholdsOnlyRise() throws Exception {
        TestKeys.publicPem(alice, dir.resolve("alice.pub.pem"));
        TestKeys.publicPem(bob, dir.resolve("bob.pub.pem"));
        Files.writeString(dir.resolve("trust.yaml"), "threshold: 2\nkeys:\n  - {name: alice, file: alice.pub.pem}\n"
                + "  - {name: bob, file: bob.pub.pem}\n");

        TrustPolicy policy = TrustPolicies.load(dir);

        assertThat(policy.threshold()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.withThreshold(1))
                .isInstanceOf(io.stellaops.airlock.bundle.BundleException.class)
                .hasMessageContaining("requires 2 signature(s); --threshold may raise that, not lower it to 1");
    }
}
