package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Writes a key pair as two PEM files: the private key as PKCS#8 ("PRIVATE KEY", or "ENCRYPTED
 * PRIVATE KEY" with PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC, which openssl reads), created
 * owner-only from its first byte, and the public key as SPKI ("PUBLIC KEY"). Existing files are
 * never overwritten by {@link #write}: losing a signing key to a typo is worse than an error. TLS
 * material, whose keys are disposable and have no public-key file, uses {@link #writePrivateKey}.
 */
public final class KeyWriter {
    /** PBKDF2 rounds for an encrypted private key: OWASP's 2023 figure for HMAC-SHA256. */
    public static final int PBKDF2_ITERATIONS = 600_000;

    private final SecureRandom random;

    public KeyWriter(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param passphrase encrypts the private key when present; it is not wiped here (the caller closes it)
     * @throws BundleException {@link Failure#USAGE} when a file exists or the passphrase is empty,
     *                         {@link Failure#UNREADABLE} when a file cannot be written
     */
    public KeyFiles write(SigningKey key, Path privateKeyFile, Path publicKeyFile, Optional<Passphrase> passphrase)
            throws BundleException {
        for (Path file : new Path[] {privateKeyFile, publicKeyFile}) {
            if (Files.exists(file)) {
                throw new BundleException(Failure.USAGE, file + " already exists; Airlock never overwrites a key file");
            }
        }
        if (privateKeyFile.toAbsolutePath().normalize().equals(publicKeyFile.toAbsolutePath().normalize())) {
            throw new BundleException(Failure.USAGE, "the private and the public key need two different files");
        }
        if (passphrase.isPresent() && passphrase.get().isEmpty()) {
            throw new BundleException(Failure.USAGE, "the passphrase is empty; give none to write an unencrypted key");
        }
        writePrivateKey(key, privateKeyFile, passphrase, false);
        try {
            AtomicFiles.write(publicKeyFile, key.verificationKey().toPem(), false, false);
        } catch (BundleException e) {
            // A private key without its public half would only confuse; the caller retries whole.
            AtomicFiles.deleteQuietly(privateKeyFile);
            throw e;
        }
        return new KeyFiles(privateKeyFile, publicKeyFile, key.algorithm(), key.keyId(), passphrase.isPresent());
    }

    /**
     * Writes the private key alone, as {@link #write} does (PKCS#8 PEM, owner-only from the first
     * byte, atomically), for callers that have no use for a public-key file, such as TLS key files.
     *
     * @param replace whether an existing file may be replaced (atomically); when false, an existing
     *                file is refused
     * @throws BundleException {@link Failure#USAGE} when the file exists and {@code replace} is false
     *                         or the passphrase is empty, {@link Failure#UNREADABLE} when it cannot be written
     */
    public void writePrivateKey(SigningKey key, Path file, Optional<Passphrase> passphrase, boolean replace)
            throws BundleException {
        if (!replace && Files.exists(file)) {
            throw new BundleException(Failure.USAGE, file + " already exists; Airlock never overwrites a key file");
        }
        if (passphrase.isPresent() && passphrase.get().isEmpty()) {
            throw new BundleException(Failure.USAGE, "the passphrase is empty; give none to write an unencrypted key");
        }
        byte[] pem = privateKeyPem(key, passphrase);
        try {
            AtomicFiles.write(file, pem, true, replace);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    private byte[] privateKeyPem(SigningKey key, Optional<Passphrase> passphrase) throws BundleException {
        byte[] der = key.privateKey().getEncoded();
        try {
            if (passphrase.isEmpty()) {
                return PemFiles.encode("PRIVATE KEY", der);
            }
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setRandom(random)
                    .setProvider(BouncyCastle.PROVIDER)
                    .setPassword(passphrase.get().chars())
                    .build();
            PemObject encrypted = new PKCS8Generator(PrivateKeyInfo.getInstance(der), encryptor).generate();
            return PemFiles.encode(encrypted.getType(), encrypted.getContent());
        } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encrypt a private key with PBES2/AES-256-CBC", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }
}
