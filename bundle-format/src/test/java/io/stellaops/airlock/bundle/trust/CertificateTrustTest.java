package io.stellaops.airlock.bundle.trust;

import static io.stellaops.airlock.bundle.trust.DsseAuthenticatorTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.testing.Envelopes;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.testing.TestKeys;
import io.stellaops.airlock.bundle.testing.TestKeys.TestCa;
import io.stellaops.airlock.bundle.testing.Trust;
import io.stellaops.airlock.bundle.verify.SignatureOutcome;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import io.stellaops.airlock.bundle.verify.VerificationException;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signers vouched for by certificates: PKIX to a trusted CA, judged at the bundle's createdAt. */
class CertificateTrustTest {
    private static final Instant CREATED = TestBundles.CREATED_AT;
    private static final Duration DAY = Duration.ofDays(1);
    private static TestCa ca;
    private static SigningKey carol;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        ca = TestKeys.ca("Ops CA", CREATED.minus(DAY.multipliedBy(400)), CREATED.plus(DAY.multipliedBy(400)));
        carol = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
    }

    @Test
    void countsACertificateThatChainsToATrustedCaAndNamesTheSignerByCn() throws Exception {
        Path archive = signedBy(TestKeys.withChain(carol, leaf(ca, CREATED.minus(DAY), CREATED.plus(DAY))));

        VerificationReport report = Trust.verify(archive, Trust.cas(ca.certificate()));

        SignatureResult result = report.authentication().orElseThrow().signatures().get(0);
        assertThat(result.outcome()).isEqualTo(SignatureOutcome.COUNTED);
        assertThat(result.signer()).contains("carol");
        assertThat(result.keyId()).isEqualTo(carol.keyId());
        assertThat(result.chain()).containsExactly("CN=carol", "CN=Ops CA");
        assertThat(result.detail()).contains("chains to trusted CA 'CN=Ops CA' at " + CREATED, "revocation not checked");
        assertThat(report.check("signature").orElseThrow().detail()).startsWith("1 of 1 required: carol (ecdsa-p256 ");
    }

    @Test
    void followsAnIntermediateCaAndToleratesTheRootInTheChain() throws Exception {
        TestCa intermediate = TestKeys.intermediate(ca, "Ops Issuing CA", CREATED.minus(DAY.multipliedBy(100)),
                CREATED.plus(DAY.multipliedBy(100)));
        Path archive = signedBy(TestKeys.withChain(carol, leaf(intermediate, CREATED.minus(DAY), CREATED.plus(DAY)),
                intermediate.certificate(), ca.certificate()));

        VerificationReport report = Trust.verify(archive, Trust.cas(ca.certificate()));

        assertThat(report.authentication().orElseThrow().signatures().get(0).chain())
                .containsExactly("CN=carol", "CN=Ops Issuing CA", "CN=Ops CA");
    }

    @Test
    void refusesACertificateThatExpiredBeforeCreatedAt() throws Exception {
        Path archive = signedBy(TestKeys.withChain(carol,
                leaf(ca, CREATED.minus(DAY.multipliedBy(30)), CREATED.minus(DAY))));

        VerificationException e = refused(archive, Trust.cas(ca.certificate()), Failure.SIGNATURE);
        assertThat(e.getMessage()).contains("signature 1 (keyid " + carol.keyId().substring(0, 16) + ", carol): "
                + "UNTRUSTED, certificate 'CN=carol' expired at " + CREATED.minus(DAY)
                + ", before the bundle's createdAt " + CREATED);
    }

    @Test
    void refusesACertificateNotYetValidAtCreatedAt() throws Exception {
        Path archive = signedBy(TestKeys.withChain(carol, leaf(ca, CREATED.plus(DAY), CREATED.plus(DAY.multipliedBy(30)))));

        VerificationException e = refused(archive, Trust.cas(ca.certificate()), Failure.SIGNATURE);
        assertThat(e.getMessage()).contains("UNTRUSTED, certificate 'CN=carol' is not valid before " + CREATED.plus(DAY)
                + ", after the bundle's createdAt " + CREATED);
    }

    @Test
    void judgesValidityAtCreatedAtNotNow() throws Exception {
        // Valid at createdAt, expired long before the verifier's clock: still counts.
        Path archive = signedBy(TestKeys.withChain(carol, leaf(ca, CREATED.minus(DAY), CREATED.plusSeconds(60))));
        assertThat(TestBundles.CLOCK.instant()).isAfter(CREATED.plusSeconds(60));

        assertThat(Trust.verify(archive, Trust.cas(ca.certificate())).verified()).isTrue();
    }

    @Test
    void refusesACertificateFromAnotherCa() throws Exception {
        TestCa rogue = TestKeys.ca("Rogue CA", CREATED.minus(DAY.multipliedBy(10)), CREATED.plus(DAY.multipliedBy(10)));
        Path archive = signedBy(TestKeys.withChain(carol, leaf(rogue, CREATED.minus(DAY), CREATED.plus(DAY))));

        VerificationException e = refused(archive, Trust.cas(ca.certificate()), Failure.SIGNATURE);
        assertThat(e.getMessage()).contains("UNTRUSTED, certificate 'CN=carol' does not chain to a trusted CA");
    }

    @Test
    void refusesACaThatWasNotValidAtCreatedAt() throws Exception {
        TestCa old = TestKeys.ca("Old CA", CREATED.minus(DAY.multipliedBy(400)), CREATED.minus(DAY.multipliedBy(2)));
        Path archive = signedBy(TestKeys.withChain(carol, leaf(old, CREATED.minus(DAY.multipliedBy(3)), CREATED.plus(DAY))));

        VerificationException e = refused(archive, Trust.cas(old.certificate()), Failure.SIGNATURE);
        assertThat(e.getMessage()).contains("trusted CA 'CN=Old CA' expired at");
    }

    @Test
    void refusesACertifiedSignatureWhenThePolicyListsNoCa() throws Exception {
        Path archive = signedBy(TestKeys.withChain(carol, leaf(ca, CREATED.minus(DAY), CREATED.plus(DAY))));
        SigningKey alice = TestKeys.generate(KeyAlgorithm.ED25519);

        VerificationException e = refused(archive, Trust.keys(1, Trust.key("alice", alice)), Failure.SIGNATURE);
        assertThat(e.getMessage()).contains("certificate 'CN=carol' is not trusted: the trust policy lists no CA");
    }

    private Path signedBy(SigningKey key) throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Envelopes.sign(archive, key);
        return archive;
    }

    private static X509Certificate leaf(TestCa issuer, Instant notBefore, Instant notAfter) throws Exception {
        return TestKeys.leaf(issuer, "carol", carol.verificationKey().publicKey(), notBefore, notAfter);
    }
}
