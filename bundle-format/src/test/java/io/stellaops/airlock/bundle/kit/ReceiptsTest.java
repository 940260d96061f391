package io.stellaops.airlock.bundle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.build.BuildRequest;
import io.stellaops.airlock.bundle.build.BundleBuilder;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import io.stellaops.airlock.bundle.manifest.Producer;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsTest {
    @TempDir
    Path dir;

    @Test
    void everyDecisionLeavesASignedChainedReceipt() throws Exception {
        KitLayout layout = new KitLayout(Files.createDirectories(dir.resolve("kit")));
        SigningKey operatorKey = SigningKeys.generate(KeyAlgorithm.ED25519, new SecureRandom());
        ReceiptSettings settings = new ReceiptSettings("field-engineer-7", "laptop-3", Optional.of(operatorKey));
        KitImporter importer = new KitImporter(layout, TestBundles.options(), settings);
        Path two = bundle(2, "2.0.0");
        Path one = bundle(1, "1.0.0");

        importer.importBundle(request(two, Optional.empty()), ProgressListener.NONE);
        importer.importBundle(request(two, Optional.empty()), ProgressListener.NONE);
        catchThrowableOfType(BundleException.class, () -> importer.importBundle(request(one, Optional.empty()), ProgressListener.NONE));
        importer.importBundle(request(one, Optional.of("2.0.0 breaks retention\nINC-1")), ProgressListener.NONE);
        new KitRollback(layout, TestBundles.CLOCK, settings).rollback(OptionalLong.of(2), Optional.of("INC-1 fixed"));

        List<Path> receipts = receipts(layout);
        // The second import of the active bundle changed nothing, so it left no receipt.
        assertThat(receipts).extracting(p -> p.getFileName().toString().replaceAll("^[0-9]{6}-[0-9TZ.]+-", ""))
                .containsExactly("2-activated.dsse.json", "x-refused.dsse.json", "1-activated.dsse.json",
                        "2-rolled-back.dsse.json");
        assertThat(Receipts.verifyChain(layout, Limits.DEFAULT)).isEqualTo(4);

        DsseEnvelope forced = EnvelopeCodec.decode(Files.readAllBytes(receipts.get(2)), "receipt", Limits.DEFAULT);
        assertThat(forced.payloadType()).isEqualTo(Receipts.PAYLOAD_TYPE);
        assertThat(forced.signatures()).singleElement().satisfies(s -> assertThat(s.keyId()).isEqualTo(operatorKey.keyId()));
        assertThat(operatorKey.verificationKey().verifies(forced.pae(), forced.signatures().get(0).sig())).isTrue();
        JsonNode payload = new ObjectMapper().readTree(forced.payload());
        assertThat(payload.get("operator").asText()).isEqualTo("field-engineer-7");
        assertThat(payload.get("host").asText()).isEqualTo("laptop-3");
        assertThat(payload.get("reason").asText()).isEqualTo("2.0.0 breaks retention INC-1");
        assertThat(payload.at("/bundle/generation").asLong()).isEqualTo(1);

        JsonNode refused = new ObjectMapper().readTree(
                EnvelopeCodec.decode(Files.readAllBytes(receipts.get(1)), "receipt", Limits.DEFAULT).payload());
        assertThat(refused.at("/refusal/exitCode").asInt()).isEqualTo(8);
    }

    @Test
    void unsignedReceiptsStillShowARemovedLink() throws Exception {
        KitLayout layout = new KitLayout(Files.createDirectories(dir.resolve("kit")));
        KitImporter importer = new KitImporter(layout, TestBundles.options());
        importer.importBundle(request(bundle(1, "1.0.0"), Optional.empty()), ProgressListener.NONE);
        importer.importBundle(request(bundle(2, "2.0.0"), Optional.empty()), ProgressListener.NONE);
        importer.importBundle(request(bundle(3, "3.0.0"), Optional.empty()), ProgressListener.NONE);
        List<Path> receipts = receipts(layout);
        assertThat(EnvelopeCodec.decode(Files.readAllBytes(receipts.get(0)), "r", Limits.DEFAULT).signatures()).isEmpty();

        Files.delete(receipts.get(1));
        BundleException broken = catchThrowableOfType(BundleException.class, () -> Receipts.verifyChain(layout, Limits.DEFAULT));
        assertThat(broken.failure()).isEqualTo(Failure.DIGEST_MISMATCH);
        assertThat(broken.getMessage()).startsWith("receipt chain broken at " + receipts.get(2).getFileName());
    }

    private static ImportRequest request(Path archive, Optional<String> force) {
        return new ImportRequest(archive, ManifestAuthenticator.NONE, false, force, false);
    }

    private Path bundle(long generation, String version) throws Exception {
        return TestBundles.buildSample(dir, generation, version);
    }

    private static List<Path> receipts(KitLayout layout) throws Exception {
        try (Stream<Path> files = Files.list(layout.receipts())) {
            return files.sorted().toList();
        }
    }
}
