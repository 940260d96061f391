package io.stellaops.airlock.bundle.trust;

import static io.stellaops.airlock.bundle.trust.DsseAuthenticatorTest.refused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.testing.Envelopes;
import io.stellaops.airlock.bundle.testing.TestKeys;
import io.stellaops.airlock.bundle.testing.Trust;
import io.stellaops.airlock.bundle.verify.VerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelope files that are not well-formed are refused as input (REFUSED), naming the field. */
class MalformedEnvelopeTest {
    private static SigningKey alice;

    @TempDir
    Path dir;

    private Path archive;
    private Path envelope;

    @BeforeAll
    static void key() throws Exception {
        alice = TestKeys.generate(KeyAlgorithm.ED25519);
    }

    private void signed() throws Exception {
        archive = Envelopes.archive(dir, "b.tar.gz", "1");
        envelope = Envelopes.sign(archive, alice);
    }

    @Test
    void refusesMalformedBase64() throws Exception {
        signed();
        ObjectNode json = Envelopes.read(envelope);
        Envelopes.signature(json, 0).put("sig", "not*base64!");
        Envelopes.write(envelope, json);
        assertRefused("b.tar.gz.dsse.json: signatures[0].sig is not valid base64");
    }

    @Test
    void refusesMalformedJson() throws Exception {
        signed();
        Files.writeString(envelope, "{\"payload\": \"abc\", ", UTF_8);
        assertRefused("b.tar.gz.dsse.json: is not valid JSON at line 1");
    }

    @Test
    void refusesDuplicateKeys() throws Exception {
        signed();
        String text = Files.readString(envelope, UTF_8);
        Files.writeString(envelope, text.replaceFirst("\\{", "{\"payloadType\":\"x\","), UTF_8);
        assertRefused("Duplicate field 'payloadType'");
    }

    @Test
    void refusesUnknownFields() throws Exception {
        signed();
        ObjectNode json = Envelopes.read(envelope);
        Envelopes.signature(json, 0).put("alg", "none");
        Envelopes.write(envelope, json);
        assertRefused("b.tar.gz.dsse.json: signatures[0] has unknown field(s) 'alg'");
    }

    @Test
    void refusesAMissingSig() throws Exception {
        signed();
        ObjectNode json = Envelopes.read(envelope);
        Envelopes.signature(json, 0).remove("sig");
        Envelopes.write(envelope, json);
        assertRefused("signatures[0].sig is missing");
    }

    @Test
    void refusesMoreThan64Signatures() throws Exception {
        signed();
        ObjectNode json = Envelopes.read(envelope);
        for (int i = 0; i < 64; i++) {
            json.withArray("signatures").add(Envelopes.signature(json, 0).deepCopy());
        }
        Envelopes.write(envelope, json);
        assertRefused("holds 65 signatures, more than the limit of 64");
    }

    @Test
    void refusesAnOversizedEnvelopeBeforeParsingIt() throws Exception {
        signed();
        byte[] big = new byte[io.stellaops.airlock.bundle.sign.EnvelopeCodec.maxEnvelopeBytes(
                io.stellaops.airlock.bundle.Limits.DEFAULT) + 1];
        Files.write(envelope, big);
        assertRefused("b.tar.gz.dsse.json is " + big.length + " bytes, over the limit of");
    }

    @Test
    void acceptsUrlSafeBase64AsDsseRequires() throws Exception {
        signed();
        ObjectNode json = Envelopes.read(envelope);
        byte[] sig = Base64.getDecoder().decode(Envelopes.signature(json, 0).get("sig").asText());
        Envelopes.signature(json, 0).put("sig", Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
        byte[] payload = Base64.getDecoder().decode(json.get("payload").asText());
        json.put("payload", Base64.getUrlEncoder().encodeToString(payload));
        Envelopes.write(envelope, json);

        assertThat(Trust.verify(archive, Trust.keys(1, Trust.key("alice", alice))).verified()).isTrue();
    }

    @Test
    void readsAPayloadWithJsonEscapesLikeThePlainOne() throws Exception {
        signed();
        String text = Files.readString(envelope, UTF_8);
        String payload = Envelopes.read(envelope).get("payload").asText();
        String escaped = "\\u00" + Integer.toHexString(payload.charAt(0)) + payload.substring(1);
        Files.writeString(envelope, text.replace("\"" + payload + "\"", "\"" + escaped + "\""), UTF_8);

        assertThat(Files.readString(envelope, UTF_8)).contains("\\u00");
        assertThat(Trust.verify(archive, Trust.keys(1, Trust.key("alice", alice))).verified()).isTrue();
    }

    @Test
    void refusesAPayloadThatIsNotBase64() throws Exception {
        signed();
        ObjectNode json = Envelopes.read(envelope);
        String payload = json.get("payload").asText();
        json.put("payload", "*" + payload.substring(1));
        Envelopes.write(envelope, json);
        assertRefused("b.tar.gz.dsse.json: payload is not valid base64");

        json.put("payload", "-" + payload.replace('-', 'A').replace('_', 'A').substring(1).replaceFirst("[A-Za-z0-9]", "+"));
        Envelopes.write(envelope, json);
        assertRefused("b.tar.gz.dsse.json: payload is not valid base64");

        json.put("payload", 12);
        Envelopes.write(envelope, json);
        assertRefused("b.tar.gz.dsse.json: payload must be a string");
    }

    private void assertRefused(String fragment) {
        VerificationException e = refused(archive, Trust.keys(1, Trust.key("alice", alice)), Failure.REFUSED);
        assertThat(e.getMessage()).contains(fragment);
    }
}
