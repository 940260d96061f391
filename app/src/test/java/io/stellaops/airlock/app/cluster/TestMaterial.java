package io.stellaops.airlock.app.cluster;

import io.stellaops.airlock.bundle.keys.PemFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** TLS files and Authority tokens made up for the tests; nothing here is real or trusted. */
public final class TestMaterial {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestMaterial() {
    }

    /** Writes ca.crt, tls.crt (signed by the CA) and tls.key into {@code dir}; certificates valid from now for {@code validity}. */
    public static Path tls(Path dir, String commonName, Duration validity) throws Exception {
        Files.createDirectories(dir);
        KeyPair ca = ecKeyPair();
        KeyPair server = ecKeyPair();
        Instant from = Instant.now().minus(Duration.ofDays(2));
        Instant until = Instant.now().plus(validity);
        X509Certificate caCert = certificate("CN=Test CA", "CN=Test CA", ca, ca.getPrivate(), from, until);
        X509Certificate serverCert = certificate("CN=Test CA", "CN=" + commonName, server, ca.getPrivate(), from, until);
        Files.write(dir.resolve("ca.crt"), PemFiles.encode("CERTIFICATE", caCert.getEncoded()));
        Files.write(dir.resolve("tls.crt"), PemFiles.encode("CERTIFICATE", serverCert.getEncoded()));
        Files.write(dir.resolve("tls.key"), PemFiles.encode("PRIVATE KEY", server.getPrivate().getEncoded()));
        return dir;
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String issuer, String subject, KeyPair keys, PrivateKey signer,
                                               Instant from, Instant until) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                new BigInteger(64, RANDOM), Date.from(from), Date.from(until), new X500Name(subject), keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    /** A compact JWT with the given payload JSON and a random (meaningless) signature. */
    public static String jwt(String payloadJson) {
        byte[] signature = new byte[64];
        RANDOM.nextBytes(signature);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"authority-test\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(signature);
    }

    /** A token like Authority's for observability-prometheus, expiring at {@code exp}. */
    public static String prometheusToken(Instant exp) {
        return jwt(payload(exp, "\"observability\"", "\"obs:read\"", Map.of()));
    }

    /** A payload JSON with exp, aud and scope as given (raw JSON values) and extra string claims. */
    public static String payload(Instant exp, String audJson, String scopeJson, Map<String, String> extra) {
        StringBuilder json = new StringBuilder("{\"iss\":\"https://authority.stage.example\",\"sub\":\"observability-prometheus\"");
        json.append(",\"jti\":\"").append(Long.toHexString(RANDOM.nextLong())).append("\"");
        if (exp != null) {
            json.append(",\"exp\":").append(exp.getEpochSecond());
        }
        if (audJson != null) {
            json.append(",\"aud\":").append(audJson);
        }
        if (scopeJson != null) {
            json.append(",\"scope\":").append(scopeJson);
        }
        extra.forEach((k, v) -> json.append(",\"").append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    /** Writes {@code token} plus a newline, as {@code stella authority token issue ... > FILE} would. */
    public static Path writeToken(Path file, String token) throws IOException {
        Files.writeString(file, token + "\n");
        return file;
    }
}
