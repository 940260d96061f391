package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.PemBlock;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * TLS private keys as real PKIs and cert-manager hand them out, which is wider than what Airlock
 * signs bundles with: PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY"),
 * unencrypted (a server reads its key without a passphrase), of any RSA size or named curve, or
 * Ed25519/Ed448. Whether a key belongs to a certificate is proven by signing a random challenge and
 * verifying it with the certificate's key. Messages name the file, never key bytes.
 */
public final class TlsKeys {
    private static final Map<ASN1ObjectIdentifier, String> KEY_ALGORITHMS = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448");
    private static final Map<ASN1ObjectIdentifier, String> SIGNATURES = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "SHA256withRSA",
            X9ObjectIdentifiers.id_ecPublicKey, "SHA256withECDSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448");

    private TlsKeys() {
    }

    /**
     * @throws BundleException {@link Failure#UNREADABLE} for a missing file, {@link Failure#REFUSED}
     *                         for anything but exactly one readable, unencrypted private key of a known type
     */
    public static PrivateKey read(Path file) throws BundleException {
        List<PemBlock> blocks = PemFiles.read(file);
        try {
            List<PemBlock> keys = blocks.stream().filter(b -> b.type().endsWith("PRIVATE KEY")).toList();
            if (keys.size() != 1) {
                throw new BundleException(Failure.REFUSED, file + " holds " + keys.size()
                        + " private key blocks; a TLS key file holds exactly one");
            }
            return decode(keys.get(0), file);
        } finally {
            blocks.forEach(PemBlock::wipe);
        }
    }

    private static PrivateKey decode(PemBlock block, Path file) throws BundleException {
        if (block.type().equals("ENCRYPTED PRIVATE KEY")) {
            throw new BundleException(Failure.REFUSED, file + " is encrypted; TLS servers and Kubernetes TLS secrets"
                    + " need the key unencrypted (decrypt a copy with 'openssl pkey -in KEY -out KEY.plain')");
        }
        byte[] der = block.content();
        byte[] pkcs8 = null;
        try {
            PrivateKeyInfo info = switch (block.type()) {
                case "PRIVATE KEY" -> PrivateKeyInfo.getInstance(der);
                case "RSA PRIVATE KEY" -> new PrivateKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), RSAPrivateKey.getInstance(der));
                case "EC PRIVATE KEY" -> sec1(ECPrivateKey.getInstance(der), file);
                default -> throw new BundleException(Failure.REFUSED, file + " holds a '" + block.type()
                        + "' block, not a PKCS#8, PKCS#1 or SEC1 private key");
            };
            ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
            String algorithm = KEY_ALGORITHMS.get(oid);
            if (algorithm == null) {
                throw new BundleException(Failure.REFUSED, file + " holds a key of type " + oid.getId()
                        + "; TLS keys here are RSA, ECDSA, Ed25519 or Ed448");
            }
            pkcs8 = info.getEncoded();
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // Not e's message: parser messages may quote the bytes they choked on.
            throw new BundleException(Failure.REFUSED, file + " is not a readable unencrypted private key"
                    + " (damaged, or encrypted the old OpenSSL way)", e);
        } finally {
            Arrays.fill(der, (byte) 0);
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    private static PrivateKeyInfo sec1(ECPrivateKey key, Path file) throws BundleException, IOException {
        if (key.getParametersObject() == null) {
            throw new BundleException(Failure.REFUSED, file + " holds an EC key without its curve");
        }
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, key.getParametersObject()), key);
    }

    /**
     * Why {@code key} does not belong to {@code certified}, or empty when a challenge signed with it
     * verifies with the certificate's key.
     */
    static Optional<String> mismatch(PrivateKey key, PublicKey certified, SecureRandom random) {
        String scheme = SIGNATURES.get(oid(certified));
        if (scheme == null) {
            return Optional.of("the certificate's key type is not one TLS uses here");
        }
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(scheme);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(scheme);
            verifier.initVerify(certified);
            verifier.update(challenge);
            return verifier.verify(signature) ? Optional.empty() : Optional.of("it is a different key (a signature made with it does not verify with the certificate's key)");
        } catch (java.security.InvalidKeyException | java.security.SignatureException e) {
            return Optional.of("it is a key of another type");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java platform lacks " + scheme, e);
        }
    }

    /** "RSA-2048", "ECDSA P-256", "Ed25519": the certified key's type and size, for messages. */
    static String describe(PublicKey key) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
        if (key instanceof RSAKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return "ECDSA " + curve(info);
        }
        return KEY_ALGORITHMS.getOrDefault(oid, oid.getId());
    }

    /** Why the key is too weak for TLS, or empty: RSA under 2048 bits, EC under 256, unknown types. */
    static Optional<String> weakness(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength() < 2048 ? Optional.of("RSA keys need at least 2048 bits") : Optional.empty();
        }
        if (key instanceof java.security.interfaces.ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() < 256
                    ? Optional.of("EC keys need a curve of at least 256 bits") : Optional.empty();
        }
        return SIGNATURES.containsKey(oid(key)) ? Optional.empty() : Optional.of("unknown key type");
    }

    private static ASN1ObjectIdentifier oid(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getAlgorithm();
    }

    private static String curve(SubjectPublicKeyInfo info) {
        if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
            return "(explicit curve)";
        }
        return switch (curve.getId()) {
            case "1.2.840.10045.3.1.7" -> "P-256";
            case "1.3.132.0.34" -> "P-384";
            case "1.3.132.0.35" -> "P-521";
            default -> Optional.ofNullable(ECNamedCurveTable.getName(curve)).orElse(curve.getId());
        };
    }
}
