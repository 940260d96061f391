package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Loads a signing key from what operators have: a PKCS#8 PEM file, plain or encrypted (as Airlock
 * or {@code openssl genpkey} writes it), or a PKCS#12 file (as {@code openssl pkcs12 -export}
 * writes it), optionally with a PEM certificate chain. Certificates come from the chain file when
 * given, else from the key file itself. Messages name files, never key bytes or passphrases.
 */
public final class KeyLoader {
    private KeyLoader() {
    }

    /**
     * @param passphrase decrypts the key when it is encrypted; not wiped here (the caller closes it)
     * @throws BundleException {@link Failure#USAGE} for a missing or wrong passphrase or a certificate
     *                         of another key, {@link Failure#REFUSED} for an unsupported or malformed
     *                         key, {@link Failure#UNREADABLE} for a missing file
     */
    public static SigningKey load(Path keyFile, Optional<Passphrase> passphrase, Optional<Path> certificateChain)
            throws BundleException {
        byte[] bytes = PemFiles.readCapped(keyFile);
        try {
            Loaded loaded = PemFiles.looksLikePem(bytes)
                    ? PemKeys.load(bytes, keyFile.toString(), passphrase)
                    : fromPkcs12(bytes, keyFile.toString(), passphrase);
            if (certificateChain.isPresent()) {
                return loaded.key().withCertificateChain(Certificates.readChain(certificateChain.get()),
                        certificateChain.get().toString());
            }
            return loaded.key().withCertificateChain(loaded.chain(), keyFile.toString());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A trusted public key: a "PUBLIC KEY" PEM block, or the key of the first certificate in the file. */
    public static VerificationKey loadPublicKey(Path file) throws BundleException {
        List<PemBlock> blocks = PemFiles.read(file);
        for (PemBlock block : blocks) {
            if (block.type().equals("PUBLIC KEY")) {
                return VerificationKey.fromSpki(block.content(), file.toString());
            }
        }
        List<X509Certificate> certificates = Certificates.fromPem(blocks, file.toString());
        if (certificates.isEmpty()) {
            throw new BundleException(Failure.REFUSED, file + " holds neither a PUBLIC KEY nor a CERTIFICATE block");
        }
        return VerificationKey.of(certificates.get(0).getPublicKey(), file.toString());
    }

    /** A key and the certificates found beside it. */
    record Loaded(SigningKey key, List<X509Certificate> chain) {
    }

    private static Loaded fromPkcs12(byte[] bytes, String source, Optional<Passphrase> passphrase)
            throws BundleException {
        char[] password = passphrase.map(Passphrase::chars).orElse(new char[0]);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new BundleException(Failure.REFUSED, source + " holds " + keyAliases.size()
                        + " private keys; Airlock needs exactly one");
            }
            Key key = store.getKey(keyAliases.get(0), password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new BundleException(Failure.REFUSED, source + " holds no private key");
            }
            byte[] der = privateKey.getEncoded();
            try {
                return new Loaded(PrivateKeys.fromPkcs8(der, source), x509(store.getCertificateChain(keyAliases.get(0))));
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw wrongPassphrase(source, passphrase.isPresent(), e);
            }
            throw new BundleException(Failure.REFUSED, source + " is neither a PEM key file nor a PKCS#12 file", e);
        } catch (UnrecoverableKeyException e) {
            throw wrongPassphrase(source, passphrase.isPresent(), e);
        } catch (GeneralSecurityException e) {
            throw new BundleException(Failure.REFUSED, source + ": cannot read the PKCS#12 file: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    static BundleException wrongPassphrase(String source, boolean given, Exception cause) {
        return given
                ? new BundleException(Failure.USAGE, "cannot decrypt " + source
                        + ": wrong passphrase, or the file is damaged", cause)
                : new BundleException(Failure.USAGE, source + " is encrypted: a passphrase is required", cause);
    }

    private static List<X509Certificate> x509(Certificate[] chain) {
        List<X509Certificate> out = new ArrayList<>();
        if (chain != null) {
            for (Certificate certificate : chain) {
                if (certificate instanceof X509Certificate x509) {
                    out.add(x509);
                }
            }
        }
        return out;
    }
}
