package io.stellaops.airlock.bundle.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.testing.Openssl;
import io.stellaops.airlock.bundle.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Generating, writing and reading back Airlock's own key files, judged also by openssl. */
class KeyFilesTest {
    private static final byte[] MESSAGE = "DSSEv1 5 hello 5 world".getBytes(UTF_8);

    @TempDir
    Path dir;

    private final KeyWriter writer = new KeyWriter(new SecureRandom());

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void writesAnOwnerOnlyPrivateKeyThatLoadsBackAndSigns(KeyAlgorithm algorithm) throws Exception {
        SigningKey key = TestKeys.generate(algorithm);
        KeyFiles files = writer.write(key, dir.resolve("k.key.pem"), dir.resolve("k.pub.pem"), Optional.empty());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(files.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(files.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(files.keyId()).isEqualTo(key.keyId()).matches("[0-9a-f]{64}");

        SigningKey loaded = TestKeys.load(files.privateKey());
        assertThat(loaded.keyId()).isEqualTo(key.keyId());
        assertThat(loaded.algorithm()).isEqualTo(algorithm);
        assertThat(KeyLoader.loadPublicKey(files.publicKey()).verifies(MESSAGE, loaded.sign(MESSAGE))).isTrue();
        assertThat(key.verificationKey().verifies(MESSAGE, new byte[64])).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void keyIdIsTheSha256OfTheDerPublicKeyAsOpensslWritesIt(KeyAlgorithm algorithm) throws Exception {
        SigningKey key = TestKeys.generate(algorithm);
        writer.write(key, dir.resolve("k.key.pem"), dir.resolve("k.pub.pem"), Optional.empty());

        Openssl.run(dir, "pkey", "-pubin", "-in", "k.pub.pem", "-outform", "DER", "-out", "k.pub.der");
        byte[] der = Files.readAllBytes(dir.resolve("k.pub.der"));
        assertThat(key.keyId()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(der)));
    }

    @Test
    void encryptedPrivateKeyIsPbes2ThatOpensslDecryptsAndWeLoadWithThePassphrase() throws Exception {
        SigningKey key = TestKeys.generate(KeyAlgorithm.ED25519);
        KeyFiles files;
        try (Passphrase passphrase = Passphrase.wrap("correct horse".toCharArray())) {
            files = writer.write(key, dir.resolve("k.key.pem"), dir.resolve("k.pub.pem"), Optional.of(passphrase));
        }
        assertThat(files.encrypted()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(files.privateKey())).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        Files.writeString(dir.resolve("pass.txt"), "correct horse\n");
        Openssl.run(dir, "pkey", "-in", "k.key.pem", "-passin", "file:pass.txt", "-pubout", "-out", "from-openssl.pub.pem");
        assertThat(Files.readString(dir.resolve("from-openssl.pub.pem"))).isEqualTo(Files.readString(files.publicKey()));
        String asn1 = Openssl.run(dir, "asn1parse", "-in", "k.key.pem");
        assertThat(asn1).contains("PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc");

        try (Passphrase passphrase = Passphrase.fromUtf8(Files.readAllBytes(dir.resolve("pass.txt")))) {
            SigningKey loaded = KeyLoader.load(files.privateKey(), Optional.of(passphrase), Optional.empty());
            assertThat(loaded.keyId()).isEqualTo(key.keyId());
        }
    }

    @Test
    void wrongPassphraseIsAUsageErrorThatDoesNotRepeatThePassphrase() throws Exception {
        SigningKey key = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
        try (Passphrase passphrase = Passphrase.wrap("right-one".toCharArray())) {
            writer.write(key, dir.resolve("k.key.pem"), dir.resolve("k.pub.pem"), Optional.of(passphrase));
        }
        BundleException e;
        try (Passphrase wrong = Passphrase.wrap("Wrong-Guess-42".toCharArray())) {
            e = catchThrowableOfType(BundleException.class,
                    () -> KeyLoader.load(dir.resolve("k.key.pem"), Optional.of(wrong), Optional.empty()));
        }
        assertThat(e.failure()).isEqualTo(Failure.USAGE);
        assertThat(e.getMessage()).contains("k.key.pem: wrong passphrase").doesNotContain("Wrong-Guess-42")
                .doesNotContain("right-one");

        BundleException none = catchThrowableOfType(BundleException.class,
                () -> KeyLoader.load(dir.resolve("k.key.pem"), Optional.empty(), Optional.empty()));
        assertThat(none.failure()).isEqualTo(Failure.USAGE);
        assertThat(none.getMessage()).contains("is encrypted: a passphrase is required");
    }

    @Test
    void neverOverwritesAKeyFile() throws Exception {
        Files.writeString(dir.resolve("k.key.pem"), "precious");
        BundleException e = catchThrowableOfType(BundleException.class, () -> writer.write(
                TestKeys.generate(KeyAlgorithm.ED25519), dir.resolve("k.key.pem"), dir.resolve("k.pub.pem"),
                Optional.empty()));
        assertThat(e.failure()).isEqualTo(Failure.USAGE);
        assertThat(e.getMessage()).contains("already exists");
        assertThat(Files.readString(dir.resolve("k.key.pem"))).isEqualTo("precious");
        assertThat(dir.resolve("k.pub.pem")).doesNotExist();
    }

    @Test
    void privateKeyAloneIsOwnerOnlyAndReplacedOnlyWhenAsked() throws Exception {
        Path file = dir.resolve("tls.key");
        Files.writeString(file, "old");
        BundleException e = catchThrowableOfType(BundleException.class, () -> writer.writePrivateKey(
                TestKeys.generate(KeyAlgorithm.ECDSA_P256), file, Optional.empty(), false));
        assertThat(e.failure()).isEqualTo(Failure.USAGE);
        assertThat(Files.readString(file)).isEqualTo("old");

        SigningKey key = TestKeys.generate(KeyAlgorithm.ECDSA_P256);
        writer.writePrivateKey(key, file, Optional.empty(), true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(TestKeys.load(file).keyId()).isEqualTo(key.keyId());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void signingKeyToStringShowsNoKeyMaterial() throws Exception {
        SigningKey key = TestKeys.generate(KeyAlgorithm.ED25519);
        assertThat(key.toString()).isEqualTo("SigningKey[ed25519 " + key.keyId().substring(0, 16) + "]");
    }

    @Test
    void passphraseIsReadWithoutTrailingNewlineAndWipedOnClose() throws Exception {
        Passphrase passphrase = Passphrase.fromUtf8("s3cret pässword\r\n".getBytes(UTF_8));
        char[] chars = passphrase.chars();
        assertThat(new String(chars)).isEqualTo("s3cret pässword");
        assertThat(passphrase.toString()).doesNotContain("s3cret");
        passphrase.close();
        assertThat(chars).containsOnly('\0');
        assertThat(passphrase.isDestroyed()).isTrue();
    }
}
