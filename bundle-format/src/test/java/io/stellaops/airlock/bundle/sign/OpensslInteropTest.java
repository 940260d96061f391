package io.stellaops.airlock.bundle.sign;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.testing.Envelopes;
import io.stellaops.airlock.bundle.testing.Openssl;
import io.stellaops.airlock.bundle.testing.TestKeys;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our DSSE signatures checked by the openssl command line, from the envelope file alone: the PAE
 * bytes are rebuilt here by hand from the spec, not by {@link Pae}, and openssl judges the
 * signature, so a bug shared by our signer and our verifier cannot pass.
 */
class OpensslInteropTest {
    @TempDir
    Path dir;

    @Test
    void opensslVerifiesOurEd25519SignatureOverThePaeBytes() throws Exception {
        Path pae = signAndExtract(KeyAlgorithm.ED25519);

        assertThat(Openssl.run(dir, "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin",
                "-in", pae.getFileName().toString(), "-sigfile", "sig.bin")).contains("Signature Verified Successfully");
        tamper(pae);
        assertThat(Openssl.attempt(dir, "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin",
                "-in", pae.getFileName().toString(), "-sigfile", "sig.bin").exitCode()).isNotZero();
    }

    @Test
    void opensslVerifiesOurDerEncodedEcdsaP256Sha256Signature() throws Exception {
        Path pae = signAndExtract(KeyAlgorithm.ECDSA_P256);

        assertThat(Openssl.run(dir, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin",
                pae.getFileName().toString())).contains("Verified OK");
        assertThat(Openssl.run(dir, "asn1parse", "-inform", "DER", "-in", "sig.bin")).contains("SEQUENCE", "INTEGER");
        tamper(pae);
        assertThat(Openssl.attempt(dir, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.bin",
                pae.getFileName().toString()).exitCode()).isNotZero();
    }

    @Test
    void opensslVerifiesOurRsaPssSha256Salt32Signature() throws Exception {
        Path pae = signAndExtract(KeyAlgorithm.RSA_3072);

        assertThat(Openssl.run(dir, "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss",
                "-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256", "-verify", "pub.pem",
                "-signature", "sig.bin", pae.getFileName().toString())).contains("Verified OK");
    }

    /** Signs a bundle, then writes pub.pem, sig.bin and pae.bin from the envelope file as a stranger would. */
    private Path signAndExtract(KeyAlgorithm algorithm) throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        SigningKey key = TestKeys.generate(algorithm);
        JsonNode envelope = Envelopes.read(Envelopes.sign(archive, key));
        TestKeys.publicPem(key, dir.resolve("pub.pem"));
        Files.write(dir.resolve("sig.bin"), Base64.getDecoder().decode(envelope.at("/signatures/0/sig").asText()));
        byte[] type = envelope.get("payloadType").asText().getBytes(UTF_8);
        byte[] body = Base64.getDecoder().decode(envelope.get("payload").asText());
        ByteArrayOutputStream pae = new ByteArrayOutputStream();
        pae.writeBytes(("DSSEv1 " + type.length + " ").getBytes(US_ASCII));
        pae.writeBytes(type);
        pae.writeBytes((" " + body.length + " ").getBytes(US_ASCII));
        pae.writeBytes(body);
        return Files.write(dir.resolve("pae.bin"), pae.toByteArray());
    }

    private static void tamper(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] ^= 1;
        Files.write(file, bytes);
    }
}
