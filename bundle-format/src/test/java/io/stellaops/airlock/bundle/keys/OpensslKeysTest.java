package io.stellaops.airlock.bundle.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.testing.Openssl;
import io.stellaops.airlock.bundle.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key files made by the openssl command line, as operators bring them. */
class OpensslKeysTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "ed25519,    -algorithm ED25519",
        "ecdsa-p256, -algorithm EC -pkeyopt ec_paramgen_curve:P-256",
        "rsa-3072,   -algorithm RSA -pkeyopt rsa_keygen_bits:3072"})
    void loadsPlainPkcs8FromOpensslGenpkeyWithTheSameKeyIdAsOpensslsPublicKey(String id, String options)
            throws Exception {
        genpkey(options, "k.key.pem");
        Openssl.run(dir, "pkey", "-in", "k.key.pem", "-pubout", "-out", "k.pub.pem");

        SigningKey key = TestKeys.load(dir.resolve("k.key.pem"));

        assertThat(key.algorithm().id()).isEqualTo(id);
        assertThat(key.keyId()).isEqualTo(KeyLoader.loadPublicKey(dir.resolve("k.pub.pem")).keyId());
    }

    @Test
    void loadsEncryptedPkcs8FromOpensslGenpkey() throws Exception {
        Files.writeString(dir.resolve("pass.txt"), "open sesame\n");
        genpkey("-algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes-256-cbc -pass file:pass.txt", "k.key.pem");
        Openssl.run(dir, "pkey", "-in", "k.key.pem", "-passin", "file:pass.txt", "-pubout", "-out", "k.pub.pem");
        assertThat(Files.readString(dir.resolve("k.key.pem"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        try (Passphrase passphrase = Passphrase.fromUtf8(Files.readAllBytes(dir.resolve("pass.txt")))) {
            SigningKey key = KeyLoader.load(dir.resolve("k.key.pem"), Optional.of(passphrase), Optional.empty());
            assertThat(key.keyId()).isEqualTo(KeyLoader.loadPublicKey(dir.resolve("k.pub.pem")).keyId());
        }
        try (Passphrase wrong = Passphrase.wrap("open sesame!".toCharArray())) {
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> KeyLoader.load(dir.resolve("k.key.pem"), Optional.of(wrong), Optional.empty()));
            assertThat(e.failure()).isEqualTo(Failure.USAGE);
            assertThat(e.getMessage()).contains("wrong passphrase").doesNotContain("sesame");
        }
    }

    @ParameterizedTest
    @CsvSource({"-algorithm EC -pkeyopt ec_paramgen_curve:P-256", "-algorithm ED25519"})
    void loadsAPkcs12FileFromOpensslWithItsCertificate(String options) throws Exception {
        Files.writeString(dir.resolve("pass.txt"), "p12 pass\n");
        genpkey(options, "carol.key.pem");
        Openssl.run(dir, "req", "-new", "-x509", "-key", "carol.key.pem", "-subj", "/CN=carol", "-days", "30",
                "-out", "carol.cert.pem");
        Openssl.run(dir, "pkcs12", "-export", "-inkey", "carol.key.pem", "-in", "carol.cert.pem", "-name", "carol",
                "-passout", "file:pass.txt", "-out", "carol.p12");
        Openssl.run(dir, "pkey", "-in", "carol.key.pem", "-pubout", "-out", "carol.pub.pem");

        try (Passphrase passphrase = Passphrase.fromUtf8(Files.readAllBytes(dir.resolve("pass.txt")))) {
            SigningKey key = KeyLoader.load(dir.resolve("carol.p12"), Optional.of(passphrase), Optional.empty());
            assertThat(key.keyId()).isEqualTo(KeyLoader.loadPublicKey(dir.resolve("carol.pub.pem")).keyId());
            assertThat(key.certificateChain()).hasSize(1);
            assertThat(Certificates.commonName(key.certificateChain().get(0))).contains("carol");
        }
        try (Passphrase wrong = Passphrase.wrap("nope".toCharArray())) {
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> KeyLoader.load(dir.resolve("carol.p12"), Optional.of(wrong), Optional.empty()));
            assertThat(e.failure()).isEqualTo(Failure.USAGE);
            assertThat(e.getMessage()).contains("carol.p12: wrong passphrase").doesNotContain("nope");
        }
    }

    @Test
    void loadsACertificateChainFileAndRefusesOneForAnotherKey() throws Exception {
        TestKeys.opensslEcKey(dir, "dave");
        TestKeys.opensslEcKey(dir, "eve");
        Openssl.run(dir, "req", "-new", "-x509", "-key", "dave.key.pem", "-subj", "/CN=dave", "-days", "30",
                "-out", "dave.cert.pem");

        SigningKey dave = KeyLoader.load(dir.resolve("dave.key.pem"), Optional.empty(),
                Optional.of(dir.resolve("dave.cert.pem")));
        assertThat(dave.certificateChain()).hasSize(1);

        BundleException e = catchThrowableOfType(BundleException.class, () -> KeyLoader.load(
                dir.resolve("eve.key.pem"), Optional.empty(), Optional.of(dir.resolve("dave.cert.pem"))));
        assertThat(e.failure()).isEqualTo(Failure.USAGE);
        assertThat(e.getMessage()).contains("the certificate 'CN=dave'", "does not belong to this private key");
    }

    @ParameterizedTest
    @CsvSource({
        "-algorithm EC -pkeyopt ec_paramgen_curve:P-384, ECDSA on curve secp384r1",
        "-algorithm RSA -pkeyopt rsa_keygen_bits:2048,   RSA-2048",
        "-algorithm ED448,                               Ed448"})
    void refusesUnsupportedKeyTypesByName(String options, String named) throws Exception {
        genpkey(options, "k.key.pem");
        BundleException e = catchThrowableOfType(BundleException.class, () -> TestKeys.load(dir.resolve("k.key.pem")));
        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("unsupported key type " + named, "ed25519, ecdsa-p256 or rsa-3072");
    }

    @Test
    void refusesADsaKey() throws Exception {
        Openssl.run(dir, "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048",
                "-out", "dsa.params.pem");
        Openssl.run(dir, "genpkey", "-paramfile", "dsa.params.pem", "-out", "dsa.key.pem");
        BundleException e = catchThrowableOfType(BundleException.class, () -> TestKeys.load(dir.resolve("dsa.key.pem")));
        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("unsupported key type DSA");
    }

    @Test
    void refusesTraditionalOpensslKeysWithTheCommandThatConvertsThem() throws Exception {
        TestKeys.opensslEcKey(dir, "t");
        Openssl.run(dir, "ec", "-in", "t.key.pem", "-out", "t.trad.pem");
        BundleException e = catchThrowableOfType(BundleException.class, () -> TestKeys.load(dir.resolve("t.trad.pem")));
        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("'EC PRIVATE KEY'", "openssl pkcs8 -topk8");
    }

    @Test
    void refusesAFileThatIsNeitherPemNorPkcs12() throws Exception {
        Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, 4});
        BundleException e = catchThrowableOfType(BundleException.class, () -> TestKeys.load(dir.resolve("junk.bin")));
        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("neither a PEM key file nor a PKCS#12 file");
    }

    private void genpkey(String options, String out) {
        String[] parts = (options.trim() + " -out " + out).split("\\s+");
        String[] args = new String[parts.length + 1];
        args[0] = "genpkey";
        System.arraycopy(parts, 0, args, 1, parts.length);
        Openssl.run(dir, args);
    }
}
