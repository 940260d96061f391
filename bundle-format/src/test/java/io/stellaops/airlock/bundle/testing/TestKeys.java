package io.stellaops.airlock.bundle.testing;

import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates made at test time, so that no private key is committed. Certificates are
 * built with Bouncy Castle's certificate builder because the tests need exact validity dates around
 * the bundle's {@code createdAt}, which the openssl 3.0 command line cannot set.
 */
public final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** A certificate authority for tests: its certificate and its key pair. */
    public record TestCa(String name, X509Certificate certificate, KeyPair keyPair) {
    }

    public static SigningKey generate(KeyAlgorithm algorithm) throws Exception {
        return SigningKeys.generate(algorithm, RANDOM);
    }

    /** Writes the public half of {@code key} as a PEM file. */
    public static Path publicPem(SigningKey key, Path file) throws Exception {
        Files.write(file, key.verificationKey().toPem());
        return file;
    }

    /** An openssl-made P-256 key, unencrypted PKCS#8, in {@code dir/name.key.pem}. */
    public static Path opensslEcKey(Path dir, String name) {
        Openssl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name + ".key.pem");
        return dir.resolve(name + ".key.pem");
    }

    public static TestCa ca(String name, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair pair = ecPair();
        return new TestCa(name, certificate(name, pair, name, pair.getPublic(), notBefore, notAfter, true), pair);
    }

    /** An intermediate CA issued by {@code issuer}. */
    public static TestCa intermediate(TestCa issuer, String name, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair pair = ecPair();
        return new TestCa(name, certificate(issuer.name(), issuer.keyPair(), name, pair.getPublic(), notBefore,
                notAfter, true), pair);
    }

    /** An end-entity certificate CN={@code cn} for {@code key}, issued by {@code issuer}. */
    public static X509Certificate leaf(TestCa issuer, String cn, PublicKey key, Instant notBefore, Instant notAfter)
            throws Exception {
        return certificate(issuer.name(), issuer.keyPair(), cn, key, notBefore, notAfter, false);
    }

    /** {@code key} with a certificate chain (leaf first). */
    public static SigningKey withChain(SigningKey key, X509Certificate... chain) throws Exception {
        return key.withCertificateChain(List.of(chain), "test chain");
    }

    public static Path writePem(Path file, X509Certificate... certificates) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (X509Certificate certificate : certificates) {
            out.write(io.stellaops.airlock.bundle.keys.PemFiles.encode("CERTIFICATE", certificate.getEncoded()));
        }
        Files.write(file, out.toByteArray());
        return file;
    }

    /** Loads an unencrypted key file the way operators load one. */
    public static SigningKey load(Path file) throws Exception {
        return io.stellaops.airlock.bundle.keys.KeyLoader.load(file, java.util.Optional.empty(),
                java.util.Optional.empty());
    }

    public static String subject(X509Certificate certificate) {
        return Certificates.subject(certificate);
    }

    private static KeyPair ecPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String issuer, KeyPair issuerPair, String subject, PublicKey key,
            Instant notBefore, Instant notAfter, boolean ca) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                new BigInteger(64, RANDOM), Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + subject), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerPair.getPrivate())));
    }
}
