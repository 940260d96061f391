package io.stellaops.airlock.bundle.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.DsseSignature;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;
import io.stellaops.airlock.bundle.sign.SignatureFiles;
import io.stellaops.airlock.bundle.testing.Envelopes;
import io.stellaops.airlock.bundle.testing.Trust;
import io.stellaops.airlock.bundle.testing.TestKeys;
import io.stellaops.airlock.bundle.verify.Authentication;
import io.stellaops.airlock.bundle.verify.CheckStatus;
import io.stellaops.airlock.bundle.verify.SignatureOutcome;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import io.stellaops.airlock.bundle.verify.VerificationException;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature step under a trust policy of raw keys, through {@code BundleVerifier} as the CLI runs it. */
class DsseAuthenticatorTest {
    private static SigningKey alice;
    private static SigningKey bob;
    private static SigningKey mallory;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        alice = TestKeys.generate(KeyAlgorithm.ED25519);
        bob = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
        mallory = TestKeys.generate(KeyAlgorithm.ED25519);
    }

    @Test
    void passesWhenTheThresholdOfTrustedKeysSignedAndReportsEachSigner() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Envelopes.sign(archive, alice, bob);

        VerificationReport report = Trust.verify(archive,
                Trust.keys(2, Trust.key("alice", alice), Trust.key("bob", bob)));

        assertThat(report.verified()).isTrue();
        assertThat(report.check("signature").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check("signature").orElseThrow().detail()).isEqualTo("2 of 2 required: alice (ed25519 "
                + alice.keyId().substring(0, 16) + "), bob (ecdsa-p256 " + bob.keyId().substring(0, 16) + ")");
        Authentication authentication = report.authentication().orElseThrow();
        assertThat(authentication.checked()).isTrue();
        assertThat(authentication.signatures()).extracting(SignatureResult::keyId)
                .containsExactly(alice.keyId(), bob.keyId());
        assertThat(authentication.signatures()).extracting(SignatureResult::signer)
                .containsExactly(Optional.of("alice"), Optional.of("bob"));
        assertThat(authentication.signatures()).extracting(SignatureResult::outcome)
                .containsOnly(SignatureOutcome.COUNTED);
        assertThat(authentication.details()).anySatisfy(line -> assertThat(line)
                .startsWith("signature 2: keyid " + bob.keyId() + ", ecdsa-p256, bob: COUNTED"));
        assertThat(report.checks()).extracting(c -> c.status()).containsOnly(CheckStatus.PASSED, CheckStatus.SKIPPED);
    }

    @Test
    void refusesAMissingEnvelope() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        VerificationException e = refused(archive, Trust.keys(1, Trust.key("alice", alice)), Failure.SIGNATURE);
        assertThat(e.getMessage()).isEqualTo("no signature: b.tar.gz.dsse.json does not exist");
        assertThat(e.report().check("signature").orElseThrow().status()).isEqualTo(CheckStatus.FAILED);
        assertThat(e.report().manifest()).isEmpty();
    }

    @Test
    void refusesAWrongPayloadType() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Path envelope = Envelopes.sign(archive, alice);
        ObjectNode json = Envelopes.read(envelope);
        json.put("payloadType", "text/plain");
        Envelopes.write(envelope, json);

        VerificationException e = refused(archive, Trust.keys(1, Trust.key("alice", alice)), Failure.SIGNATURE);
        assertThat(e.getMessage()).isEqualTo(
                "b.tar.gz.dsse.json: payloadType 'text/plain' is not application/vnd.in-toto+json");
    }

    @Test
    void refusesAnEnvelopeOverADifferentManifest() throws Exception {
        Path signed = Envelopes.archive(dir, "one.tar.gz", "1");
        Path other = Envelopes.archive(dir, "two.tar.gz", "2");
        Envelopes.sign(signed, alice);
        Files.copy(SignatureFiles.envelopeFor(signed), SignatureFiles.envelopeFor(other));

        VerificationException e = refused(other, Trust.keys(1, Trust.key("alice", alice)), Failure.SIGNATURE);
        assertThat(e.getMessage()).contains("the envelope signs a different manifest than the archive holds");
    }

    @Test
    void refusesASignatureByAnUntrustedKeyNamingIt() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Envelopes.sign(archive, mallory);

        VerificationException e = refused(archive, Trust.keys(1, Trust.key("alice", alice)), Failure.SIGNATURE);
        String shortId = mallory.keyId().substring(0, 16);
        assertThat(e.getMessage()).isEqualTo("1 of 1 required trusted signatures missing: none counted; signature 1 "
                + "(keyid " + shortId + "): UNTRUSTED, key " + shortId
                + " is not in the trust policy and it carries no certificate");
        assertThat(e.report().authentication().orElseThrow().signatures()).singleElement()
                .extracting(SignatureResult::outcome).isEqualTo(SignatureOutcome.UNTRUSTED);
    }

    @Test
    void refusesAnAlteredSignatureOfATrustedKeyAsInvalid() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Path envelope = Envelopes.sign(archive, alice);
        ObjectNode json = Envelopes.read(envelope);
        byte[] sig = Base64.getDecoder().decode(Envelopes.signature(json, 0).get("sig").asText());
        sig[5] ^= 1;
        Envelopes.signature(json, 0).put("sig", Base64.getEncoder().encodeToString(sig));
        Envelopes.write(envelope, json);

        VerificationException e = refused(archive, Trust.keys(1, Trust.key("alice", alice)), Failure.SIGNATURE);
        assertThat(e.getMessage()).contains("signature 1 (keyid " + alice.keyId().substring(0, 16)
                + ", alice): INVALID, trusted key 'alice' does not verify it: altered or damaged");
    }

    @Test
    void refusesWhenFewerTrustedKeysSignedThanTheThreshold() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Envelopes.sign(archive, alice);

        VerificationException e = refused(archive, Trust.keys(2, Trust.key("alice", alice), Trust.key("bob", bob)),
                Failure.SIGNATURE);
        assertThat(e.getMessage()).isEqualTo("1 of 2 required trusted signatures missing: only 1 counted (alice "
                + "(ed25519 " + alice.keyId().substring(0, 16) + "))");
    }

    @Test
    void countsTheSameKeyOnceHoweverOftenItSigned() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Path envelopeFile = Envelopes.sign(archive, bob);
        DsseEnvelope envelope = EnvelopeCodec.readIfPresent(envelopeFile, Limits.DEFAULT).orElseThrow();
        // ECDSA signatures differ each time: a second, distinct, valid signature by the same key.
        envelope = envelope.withSignature(new DsseSignature(bob.keyId(), bob.sign(envelope.pae()), List.of()));
        Files.write(envelopeFile, EnvelopeCodec.encode(envelope));

        VerificationException e = refused(archive, Trust.keys(2, Trust.key("alice", alice), Trust.key("bob", bob)),
                Failure.SIGNATURE);
        assertThat(e.getMessage()).startsWith("1 of 2 required trusted signatures missing: only 1 counted (bob ")
                .contains("signature 2 (keyid " + bob.keyId().substring(0, 16) + ", bob): ALREADY_COUNTED");
        assertThat(e.report().authentication().orElseThrow().signatures()).extracting(SignatureResult::outcome)
                .containsExactly(SignatureOutcome.COUNTED, SignatureOutcome.ALREADY_COUNTED);
    }

    @Test
    void reportsButToleratesAnUntrustedCountersignatureOnceTheThresholdIsMet() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Envelopes.sign(archive, mallory, alice);

        VerificationReport report = Trust.verify(archive, Trust.keys(1, Trust.key("alice", alice)));

        assertThat(report.verified()).isTrue();
        assertThat(report.check("signature").orElseThrow().detail())
                .isEqualTo("1 of 1 required: alice (ed25519 " + alice.keyId().substring(0, 16)
                        + "); 1 other signature(s) not counted");
        assertThat(report.authentication().orElseThrow().signatures()).extracting(SignatureResult::outcome)
                .containsExactly(SignatureOutcome.UNTRUSTED, SignatureOutcome.COUNTED);
        assertThat(report.authentication().orElseThrow().details())
                .contains("signatures that are not counted are reported but do not refuse a bundle whose threshold is met");
    }

    @Test
    void theKeyIdIsOnlyAHint() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Path envelope = Envelopes.sign(archive, alice, mallory);
        ObjectNode json = Envelopes.read(envelope);
        Envelopes.signature(json, 0).put("keyid", bob.keyId());
        Envelopes.signature(json, 1).put("keyid", alice.keyId());
        Envelopes.write(envelope, json);

        VerificationReport report = Trust.verify(archive, Trust.keys(1, Trust.key("alice", alice), Trust.key("bob", bob)));

        List<SignatureResult> results = report.authentication().orElseThrow().signatures();
        assertThat(results.get(0).outcome()).isEqualTo(SignatureOutcome.COUNTED);
        assertThat(results.get(0).signer()).contains("alice");
        assertThat(results.get(0).keyId()).isEqualTo(alice.keyId());
        assertThat(results.get(1).outcome()).isEqualTo(SignatureOutcome.INVALID);
    }

    @Test
    void countsOnlyAllowedSignerNames() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Envelopes.sign(archive, alice);
        TrustPolicy policy = new TrustPolicy(List.of(Trust.key("alice", alice), Trust.key("bob", bob)), List.of(), 1,
                Set.of("bob"), "test policy");

        VerificationException e = refused(archive, policy, Failure.SIGNATURE);
        assertThat(e.getMessage()).contains("NOT_ALLOWED", "signer 'alice' is not among the allowed signers");
    }

    @Test
    void aCallerMayRaiseTheThresholdButNotBeyondReach() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Envelopes.sign(archive, alice);
        TrustPolicy policy = Trust.keys(1, Trust.key("alice", alice), Trust.key("bob", bob));

        assertThat(Trust.verify(archive, policy).verified()).isTrue();
        refused(archive, policy.withThreshold(2), Failure.SIGNATURE);
        var e = catchThrowableOfType(io.stellaops.airlock.bundle.BundleException.class, () -> policy.withThreshold(3));
        assertThat(e.failure()).isEqualTo(Failure.USAGE);
        assertThat(e.getMessage()).contains("threshold 3 can never be met by 2 trusted key(s) and no CA");
    }

    @Test
    void refusesAnEnvelopeWithoutSignatures() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Path envelope = Envelopes.sign(archive, alice);
        ObjectNode json = Envelopes.read(envelope);
        json.putArray("signatures");
        Envelopes.write(envelope, json);

        VerificationException e = refused(archive, Trust.keys(1, Trust.key("alice", alice)), Failure.SIGNATURE);
        assertThat(e.getMessage()).isEqualTo(
                "1 of 1 required trusted signatures missing: b.tar.gz.dsse.json holds no signature");
    }

    static VerificationException refused(Path archive, TrustPolicy policy, Failure failure) {
        VerificationException e = catchThrowableOfType(VerificationException.class, () -> Trust.verify(archive, policy));
        assertThat(e).as("verification should have been refused").isNotNull();
        assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure);
        return e;
    }
}
