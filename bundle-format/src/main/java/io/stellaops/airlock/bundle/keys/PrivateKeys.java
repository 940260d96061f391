package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Turns an unencrypted PKCS#8 structure into a {@link SigningKey}: checks that it is of a supported
 * type, makes the JDK key that signs, and derives the public key from the private one (Bouncy
 * Castle's curve and Ed25519 arithmetic) rather than trusting a public key stored beside it.
 */
final class PrivateKeys {
    private PrivateKeys() {
    }

    static SigningKey fromPkcs8(byte[] der, String source) throws BundleException {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new BundleException(Failure.REFUSED, source + ": not a valid PKCS#8 private key", e);
        }
        KeyAlgorithm algorithm = KeyAlgorithm.of(info.getPrivateKeyAlgorithm(), () -> rsaBits(info), source);
        try {
            PrivateKey privateKey = KeyFactory.getInstance(algorithm.jcaKeyAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            VerificationKey publicKey = VerificationKey.fromSpki(derivePublic(info, source), source);
            return new SigningKey(privateKey, publicKey, List.of());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new BundleException(Failure.REFUSED, source + ": not a valid " + algorithm.id() + " private key", e);
        }
    }

    private static byte[] derivePublic(PrivateKeyInfo info, String source) throws IOException, BundleException {
        AsymmetricKeyParameter privateParameters = PrivateKeyFactory.createKey(info);
        AsymmetricKeyParameter publicParameters;
        if (privateParameters instanceof Ed25519PrivateKeyParameters ed25519) {
            publicParameters = ed25519.generatePublicKey();
        } else if (privateParameters instanceof ECPrivateKeyParameters ec) {
            publicParameters = new ECPublicKeyParameters(
                    new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize(),
                    ec.getParameters());
        } else if (privateParameters instanceof RSAPrivateCrtKeyParameters rsa) {
            publicParameters = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        } else {
            throw new BundleException(Failure.REFUSED, source + ": the public key cannot be derived from this "
                    + "private key (an RSA key must carry its CRT parameters, as openssl writes them)");
        }
        return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParameters).getEncoded(ASN1Encoding.DER);
    }

    private static int rsaBits(PrivateKeyInfo info) {
        try {
            return RSAPrivateKey.getInstance(info.parsePrivateKey()).getModulus().bitLength();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
