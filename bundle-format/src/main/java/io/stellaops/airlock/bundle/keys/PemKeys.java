package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The PEM half of {@link KeyLoader}: exactly one PKCS#8 private key block, plain ("PRIVATE KEY")
 * or encrypted ("ENCRYPTED PRIVATE KEY", PBES2 as openssl and Airlock write it), plus any
 * certificates in the same file. Traditional OpenSSL blocks are refused with the command that
 * converts them, since guessing their encryption is how keys leak.
 */
final class PemKeys {
    private PemKeys() {
    }

    static KeyLoader.Loaded load(byte[] bytes, String source, Optional<Passphrase> passphrase) throws BundleException {
        List<PemBlock> blocks = PemFiles.parse(bytes, source);
        try {
            List<PemBlock> keys = blocks.stream().filter(PemBlock::isPrivateKey).toList();
            if (keys.size() != 1) {
                throw new BundleException(Failure.REFUSED, source + " holds " + keys.size()
                        + " private key blocks; Airlock needs exactly one");
            }
            PemBlock block = keys.get(0);
            SigningKey key = switch (block.type()) {
                case "PRIVATE KEY" -> PrivateKeys.fromPkcs8(block.content(), source);
                case "ENCRYPTED PRIVATE KEY" -> decrypt(block, source, passphrase);
                default -> throw new BundleException(Failure.REFUSED, source + " holds a '" + block.type()
                        + "' block; Airlock reads PKCS#8 only: convert it with"
                        + " 'openssl pkcs8 -topk8 -in KEY -out KEY.pk8.pem'");
            };
            return new KeyLoader.Loaded(key, Certificates.fromPem(blocks, source));
        } finally {
            blocks.forEach(PemBlock::wipe);
        }
    }

    private static SigningKey decrypt(PemBlock block, String source, Optional<Passphrase> passphrase)
            throws BundleException {
        if (passphrase.isEmpty()) {
            throw KeyLoader.wrongPassphrase(source, false, null);
        }
        byte[] der = null;
        try {
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfo(block.content());
            der = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(passphrase.get().chars())).getEncoded(ASN1Encoding.DER);
            return PrivateKeys.fromPkcs8(der, source);
        } catch (PKCSException | IllegalStateException e) {
            // With CBC a wrong passphrase shows as bad padding or, rarely, as garbage that fails to parse.
            throw KeyLoader.wrongPassphrase(source, true, e);
        } catch (OperatorCreationException | IOException | IllegalArgumentException e) {
            throw new BundleException(Failure.REFUSED, source + ": cannot read the encrypted private key"
                    + " (unsupported encryption scheme or damaged file)", e);
        } finally {
            if (der != null) {
                java.util.Arrays.fill(der, (byte) 0);
            }
        }
    }
}
