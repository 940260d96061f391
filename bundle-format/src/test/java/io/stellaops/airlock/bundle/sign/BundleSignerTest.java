package io.stellaops.airlock.bundle.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.inspect.BundleInspector;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.manifest.CanonicalJson;
import io.stellaops.airlock.bundle.testing.Envelopes;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSignerTest {
    @TempDir
    Path dir;

    private final BundleSigner signer = new BundleSigner(TestBundles.options());

    @Test
    void writesACanonicalEnvelopeOverTheExactManifestBytesBesideTheArchive() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        SigningKey alice = TestKeys.generate(KeyAlgorithm.ED25519);

        SignResult result = signer.sign(archive, alice);

        assertThat(result.envelope()).isEqualTo(dir.resolve("b.tar.gz.dsse.json"));
        assertThat(result.added()).isTrue();
        assertThat(result.signatureCount()).isEqualTo(1);
        DsseEnvelope envelope = EnvelopeCodec.readIfPresent(result.envelope(), Limits.DEFAULT).orElseThrow();
        assertThat(envelope.payloadType()).isEqualTo("application/vnd.in-toto+json");
        assertThat(envelope.payload()).isEqualTo(new BundleInspector(Limits.DEFAULT).manifestBytes(archive));
        assertThat(envelope.signatures()).singleElement().satisfies(s -> {
            assertThat(s.keyId()).isEqualTo(alice.keyId());
            assertThat(alice.verificationKey().verifies(envelope.pae(), s.sig())).isTrue();
        });
        byte[] written = Files.readAllBytes(result.envelope());
        assertThat(written).isEqualTo(CanonicalJson.write(new ObjectMapper().readTree(written)));
    }

    @Test
    void countersigningAppendsASignatureAndNeverChangesTheArchive() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        byte[] before = sha256(archive);
        SigningKey alice = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
        SigningKey bob = TestKeys.generate(KeyAlgorithm.RSA_3072);

        signer.sign(archive, alice);
        DsseSignature first = EnvelopeCodec.readIfPresent(SignatureFiles.envelopeFor(archive), Limits.DEFAULT)
                .orElseThrow().signatures().get(0);
        SignResult second = signer.sign(archive, bob);

        assertThat(second.added()).isTrue();
        DsseEnvelope envelope = EnvelopeCodec.readIfPresent(second.envelope(), Limits.DEFAULT).orElseThrow();
        assertThat(envelope.signatures()).extracting(DsseSignature::keyId).containsExactly(alice.keyId(), bob.keyId());
        assertThat(envelope.signatures().get(0)).isEqualTo(first);
        assertThat(sha256(archive)).isEqualTo(before);
        assertThat(second.sigstoreBundles()).containsExactly(
                dir.resolve("b.tar.gz." + alice.keyId().substring(0, 16) + ".sigstore.json"),
                dir.resolve("b.tar.gz." + bob.keyId().substring(0, 16) + ".sigstore.json"));
    }

    @Test
    void signingTwiceWithTheSameKeyAddsNothing() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        SigningKey alice = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
        signer.sign(archive, alice);
        byte[] once = Files.readAllBytes(SignatureFiles.envelopeFor(archive));

        SignResult again = signer.sign(archive, alice);

        assertThat(again.added()).isFalse();
        assertThat(again.signatureCount()).isEqualTo(1);
        assertThat(Files.readAllBytes(SignatureFiles.envelopeFor(archive))).isEqualTo(once);
    }

    @Test
    void writesOneSigstoreBundleV03PerSignatureCarryingThatSignatureAndTheKeyIdHint() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        SigningKey alice = TestKeys.generate(KeyAlgorithm.ED25519);
        SigningKey bob = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
        SignResult result = signer.sign(archive, alice);
        result = signer.sign(archive, bob);
        DsseEnvelope envelope = EnvelopeCodec.readIfPresent(result.envelope(), Limits.DEFAULT).orElseThrow();

        for (int i = 0; i < 2; i++) {
            SigningKey key = List.of(alice, bob).get(i);
            JsonNode bundle = new ObjectMapper().readTree(result.sigstoreBundles().get(i).toFile());
            assertThat(bundle.get("mediaType").asText()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
            assertThat(bundle.at("/verificationMaterial/publicKey/hint").asText()).isEqualTo(key.keyId());
            assertThat(bundle.at("/dsseEnvelope/payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
            assertThat(Base64.getDecoder().decode(bundle.at("/dsseEnvelope/payload").asText()))
                    .isEqualTo(envelope.payload());
            JsonNode signatures = bundle.at("/dsseEnvelope/signatures");
            assertThat(signatures.size()).isEqualTo(1);
            assertThat(signatures.get(0).get("keyid").asText()).isEqualTo(key.keyId());
            assertThat(Base64.getDecoder().decode(signatures.get(0).get("sig").asText()))
                    .isEqualTo(envelope.signatures().get(i).sig());
            assertThat(signatures.get(0).has("certChain")).isFalse();
        }
    }

    @Test
    void keepsTheSignersCertificateChainInTheEnvelope() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Instant t = TestBundles.CREATED_AT;
        TestKeys.TestCa ca = TestKeys.ca("Ops CA", t.minusSeconds(86_400 * 400L), t.plusSeconds(86_400 * 400L));
        SigningKey carol = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
        var leaf = TestKeys.leaf(ca, "carol", carol.verificationKey().publicKey(), t.minusSeconds(86_400),
                t.plusSeconds(86_400 * 30L));

        signer.sign(archive, TestKeys.withChain(carol, leaf, ca.certificate()));

        DsseSignature signature = EnvelopeCodec.readIfPresent(SignatureFiles.envelopeFor(archive), Limits.DEFAULT)
                .orElseThrow().signatures().get(0);
        assertThat(signature.certificateChain()).containsExactly(leaf, ca.certificate());
        JsonNode json = Envelopes.read(SignatureFiles.envelopeFor(archive));
        assertThat(json.at("/signatures/0/certChain/0").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(leaf.getEncoded()));
    }

    @Test
    void refusesToCountersignAnEnvelopeThatSignsAnotherManifest() throws Exception {
        Path one = Envelopes.archive(dir, "one.tar.gz", "1");
        Path two = Envelopes.archive(dir, "two.tar.gz", "2");
        Envelopes.sign(one, TestKeys.generate(KeyAlgorithm.ED25519));
        Files.copy(SignatureFiles.envelopeFor(one), SignatureFiles.envelopeFor(two));

        BundleException e = catchThrowableOfType(BundleException.class,
                () -> signer.sign(two, TestKeys.generate(KeyAlgorithm.ED25519)));

        assertThat(e.failure()).isEqualTo(Failure.SIGNATURE);
        assertThat(e.getMessage()).isEqualTo(
                "two.tar.gz.dsse.json: the envelope signs a different manifest than the archive holds");
    }

    @Test
    void refusesToSignAnArchiveWhoseContentsDoNotMatchItsManifest() throws Exception {
        Path archive = new io.stellaops.airlock.bundle.testing.Forge().file("a.yaml", "alpha: 1\n").tar()
                .file("a.yaml", "alpha: 2\n").write(dir.resolve("bad.tar.gz"),
                        io.stellaops.airlock.bundle.archive.Compression.GZIP);

        BundleException e = catchThrowableOfType(BundleException.class,
                () -> signer.sign(archive, TestKeys.generate(KeyAlgorithm.ED25519)));

        assertThat(e.failure()).isEqualTo(Failure.DIGEST_MISMATCH);
        assertThat(SignatureFiles.envelopeFor(archive)).doesNotExist();
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
