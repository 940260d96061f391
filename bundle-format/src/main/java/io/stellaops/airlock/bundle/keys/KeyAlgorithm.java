package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * The three signature schemes a bundle may be signed with, and exactly how each signs: Ed25519
 * (pure, over the message itself), ECDSA on P-256 over SHA-256 with DER-encoded signatures, and
 * RSA-3072 with RSASSA-PSS (SHA-256, MGF1 with SHA-256, 32-byte salt). The scheme always follows
 * from the verifying key, never from anything a signature says about itself, so a signature
 * cannot talk a verifier into a weaker algorithm. The primitives are the JDK's.
 */
public enum KeyAlgorithm {
    ED25519("ed25519", "Ed25519", "Ed25519"),
    ECDSA_P256("ecdsa-p256", "EC", "SHA256withECDSA"),
    RSA_3072("rsa-3072", "RSA", "RSASSA-PSS");

    /** The supported ids, for messages and for the CLI's help. */
    public static final String SUPPORTED = "ed25519, ecdsa-p256 or rsa-3072";
    static final int RSA_BITS = 3072;
    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    /** Key types operators may hold by mistake, named as they know them (the name finder knows signatures, not keys). */
    private static final Map<String, String> OTHER_KEY_TYPES = Map.of(
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.113", "Ed448",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.2.840.113549.1.1.10", "RSASSA-PSS (restricted RSA key; use a plain RSA-3072 key)");

    private final String id;
    private final String jcaKeyAlgorithm;
    private final String jcaSignatureAlgorithm;

    KeyAlgorithm(String id, String jcaKeyAlgorithm, String jcaSignatureAlgorithm) {
        this.id = id;
        this.jcaKeyAlgorithm = jcaKeyAlgorithm;
        this.jcaSignatureAlgorithm = jcaSignatureAlgorithm;
    }

    /** The id used in files, reports and on the command line: ed25519, ecdsa-p256, rsa-3072. */
    public String id() {
        return id;
    }

    public static Optional<KeyAlgorithm> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    String jcaKeyAlgorithm() {
        return jcaKeyAlgorithm;
    }

    /**
     * Whether {@code signature} is this scheme's valid signature of {@code message} by {@code key}.
     * A malformed signature (wrong length, not DER) is simply not valid.
     */
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (this == ED25519) {
            return verifyEd25519(key, message, signature);
        }
        try {
            Signature verifier = newSignature();
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java platform lacks " + jcaSignatureAlgorithm, e);
        }
    }

    /**
     * Ed25519 through Bouncy Castle's RFC 8032 verifier, on the message where it lies: the JDK's
     * {@code Signature} for EdDSA buffers the whole message and copies it once more to verify,
     * which for a manifest of 100,000 files is two more copies of 20 MiB each, per key tried.
     */
    private static boolean verifyEd25519(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        byte[] raw = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getOctets();
        if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            return false;
        }
        return new Ed25519PublicKeyParameters(raw).verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length,
                signature, 0);
    }

    byte[] sign(PrivateKey key, byte[] message) throws BundleException {
        try {
            Signature signer = newSignature();
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
            throw new BundleException(Failure.USAGE, "cannot sign with this " + id + " key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java platform lacks " + jcaSignatureAlgorithm, e);
        }
    }

    private Signature newSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jcaSignatureAlgorithm);
        if (this == RSA_3072) {
            signature.setParameter(PSS);
        }
        return signature;
    }

    /**
     * The scheme of a key given by its algorithm identifier (from an SPKI or a PKCS#8 structure).
     *
     * @param rsaBits the modulus length, asked only for RSA keys
     * @throws BundleException {@link Failure#REFUSED} naming the unsupported key type
     */
    static KeyAlgorithm of(AlgorithmIdentifier algorithm, IntSupplier rsaBits, String source) throws BundleException {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return ED25519;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            if (algorithm.getParameters() instanceof ASN1ObjectIdentifier curve) {
                if (SECObjectIdentifiers.secp256r1.equals(curve)) {
                    return ECDSA_P256;
                }
                String name = ECNamedCurveTable.getName(curve);
                throw unsupported(source, "ECDSA on curve " + (name == null ? curve.getId() : name));
            }
            throw unsupported(source, "ECDSA with explicit curve parameters");
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            int bits = rsaBits.getAsInt();
            if (bits == RSA_BITS) {
                return RSA_3072;
            }
            throw unsupported(source, "RSA-" + bits);
        }
        throw unsupported(source, OTHER_KEY_TYPES.getOrDefault(oid.getId(),
                new DefaultAlgorithmNameFinder().getAlgorithmName(oid)));
    }

    private static BundleException unsupported(String source, String what) {
        return new BundleException(Failure.REFUSED, source + ": unsupported key type " + what
                + "; Airlock signs with " + SUPPORTED);
    }
}
