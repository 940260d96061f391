package io.stellaops.airlock.app.signing;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.KeyFiles;
import io.stellaops.airlock.bundle.keys.KeyLoader;
import io.stellaops.airlock.bundle.keys.KeyWriter;
import io.stellaops.airlock.bundle.keys.Passphrase;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import io.stellaops.airlock.bundle.sign.BundleSigner;
import io.stellaops.airlock.bundle.sign.SignResult;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Key generation and signing as {@code airlock keys generate} and {@code airlock bundle sign} do
 * them and the wizard does them too: one naming of a key pair ({@code PREFIX.key.pem},
 * {@code PREFIX.pub.pem}) and one order of loading and signing. Each method takes ownership of
 * the passphrase and wipes it as soon as the private key is written or loaded.
 */
public final class Signing {

    private Signing() {
    }

    public static Path privateKeyFile(String prefix) {
        return Path.of(prefix + ".key.pem");
    }

    public static Path publicKeyFile(String prefix) {
        return Path.of(prefix + ".pub.pem");
    }

    /** Generates a key pair and writes it: the private key owner-only, encrypted when a passphrase is given. */
    public static KeyFiles generate(KeyAlgorithm algorithm, String prefix, Optional<Passphrase> passphrase,
            SecureRandom random) throws BundleException {
        try {
            return new KeyWriter(random).write(SigningKeys.generate(algorithm, random), privateKeyFile(prefix),
                    publicKeyFile(prefix), passphrase);
        } finally {
            passphrase.ifPresent(Passphrase::close);
        }
    }

    /** Loads the key (with its certificate chain, if given) and adds its signature to the archive's envelope. */
    public static SignResult sign(Path archive, Path keyFile, Optional<Passphrase> passphrase,
            Optional<Path> certificateChain, VerifyOptions options) throws BundleException {
        SigningKey key;
        try {
            key = KeyLoader.load(keyFile, passphrase, certificateChain);
        } finally {
            passphrase.ifPresent(Passphrase::close);
        }
        return new BundleSigner(options).sign(archive, key);
    }
}
