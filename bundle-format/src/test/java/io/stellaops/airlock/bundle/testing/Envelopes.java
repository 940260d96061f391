package io.stellaops.airlock.bundle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.sign.BundleSigner;
import io.stellaops.airlock.bundle.sign.SignatureFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small signed bundles for signature tests, and raw access to the envelope JSON so that a test can
 * tamper with exactly one field.
 */
public final class Envelopes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    /** A small, valid archive made by {@link Forge}; {@code variant} changes its manifest. */
    public static Path archive(Path dir, String name, String variant) throws Exception {
        return new Forge().file("a.yaml", "alpha: " + variant + "\n").file("b/c.yaml", "bravo: 2\n")
                .faithfulTar().write(dir.resolve(name), Compression.GZIP);
    }

    public static Path sign(Path archive, SigningKey... keys) throws Exception {
        BundleSigner signer = new BundleSigner(TestBundles.options());
        for (SigningKey key : keys) {
            signer.sign(archive, key);
        }
        return SignatureFiles.envelopeFor(archive);
    }

    public static ObjectNode read(Path envelope) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(envelope));
    }

    public static void write(Path envelope, JsonNode json) throws Exception {
        Files.write(envelope, JSON.writeValueAsBytes(json));
    }

    public static ObjectNode signature(ObjectNode envelope, int index) {
        return (ObjectNode) envelope.get("signatures").get(index);
    }
}
