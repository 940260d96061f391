package io.stellaops.airlock.bundle.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.manifest.CanonicalJson;
import io.stellaops.airlock.bundle.manifest.StrictJson;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.DsseSignature;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kit's record of every decision that changed something: one DSSE envelope per import that
 * activated or refused a bundle and per rollback in {@code receipts/<sequence>-<time>-<generation>-<decision>.dsse.json}, whose payload names the bundle's digests and
 * generation, the operator, the host, the time, the decision and any forced reason. Each payload
 * carries the SHA-256 of the previous receipt file, so the receipts form a chain in which a removed
 * or altered receipt shows; with the operator's key configured each is also signed.
 */
public final class Receipts {
    public static final String PAYLOAD_TYPE = "application/vnd.stellaops.airlock.receipt+json";
    public static final String RECEIPT_TYPE = "https://stellaops.io/airlock/kit-receipt/v1";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String GENESIS = "0".repeat(64);

    private Receipts() {
    }

    /** What one receipt says. */
    record Decision(String decision, Optional<KitEntry> bundle, Optional<String> archive, Optional<BundleException> refusal,
            Optional<String> reason) {
    }

    static Path write(KitLayout layout, ReceiptSettings settings, Decision decision, Instant at) throws BundleException {
        try {
            Files.createDirectories(layout.receipts());
            Optional<Path> last = latest(layout);
            String previous = last.isPresent() ? digest(last.get()) : GENESIS;
            byte[] payload = CanonicalJson.write(payload(settings, decision, at, previous));
            DsseEnvelope envelope = new DsseEnvelope(PAYLOAD_TYPE, payload, List.of());
            if (settings.key().isPresent()) {
                SigningKey key = settings.key().get();
                envelope = envelope.withSignature(new DsseSignature(key.keyId(), key.sign(envelope.pae()), key.certificateChain()));
            }
            // A sequence number first: file names sort in chain order even when clocks collide or go back.
            int sequence = list(layout).size() + 1;
            String generation = decision.bundle().map(b -> Long.toString(b.generation())).orElse("x");
            Path file = layout.receipts().resolve(String.format(Locale.ROOT, "%06d-%s-%s-%s.dsse.json", sequence,
                    STAMP.format(at), generation, decision.decision()));
            AtomicFiles.write(file, EnvelopeCodec.encode(envelope), false, false);
            return file;
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot write a receipt into " + layout.receipts() + ": "
                    + AtomicFiles.describe(e), e);
        }
    }

    /**
     * Checks that every receipt's {@code previous} is the digest of the receipt before it.
     *
     * @return the number of receipts
     * @throws BundleException {@link Failure#DIGEST_MISMATCH} naming the first receipt whose link is broken
     */
    public static int verifyChain(KitLayout layout, Limits limits) throws BundleException {
        List<Path> files = list(layout);
        String expected = GENESIS;
        for (Path file : files) {
            try {
                DsseEnvelope envelope = EnvelopeCodec.decode(Files.readAllBytes(file), file.getFileName().toString(), limits);
                JsonNode payload = StrictJson.parse(StrictJson.jsonFactory(StrictJson.constraints(1 << 20, 1 << 16, 8)),
                        envelope.payload(), new io.stellaops.airlock.bundle.manifest.JsonFields(file.getFileName().toString()));
                String previous = payload.path("previous").asText("");
                if (!previous.equals(expected)) {
                    throw new BundleException(Failure.DIGEST_MISMATCH, "receipt chain broken at " + file.getFileName()
                            + ": it follows " + previous + " but the receipt before it has digest " + expected);
                }
                expected = digest(file);
            } catch (IOException e) {
                throw new BundleException(Failure.UNREADABLE, "cannot read receipt " + file + ": " + AtomicFiles.describe(e), e);
            }
        }
        return files.size();
    }

    private static ObjectNode payload(ReceiptSettings settings, Decision decision, Instant at, String previous) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("_type", RECEIPT_TYPE);
        root.put("decision", decision.decision());
        root.put("at", at.toString());
        root.put("operator", clean(settings.operator()));
        root.put("host", clean(settings.host()));
        root.put("previous", previous);
        decision.archive().ifPresent(a -> root.put("archive", clean(a)));
        decision.bundle().ifPresent(entry -> root.putObject("bundle")
                .put("name", entry.name())
                .put("version", entry.version())
                .put("generation", entry.generation())
                .put("archiveSha256", entry.archiveSha256())
                .put("manifestSha256", entry.manifestSha256()));
        decision.refusal().ifPresent(refusal -> root.putObject("refusal")
                .put("failure", refusal.failure().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("exitCode", refusal.failure().exitCode())
                .put("message", clean(refusal.getMessage())));
        decision.reason().ifPresent(reason -> root.put("reason", clean(reason)));
        return root;
    }

    private static Optional<Path> latest(KitLayout layout) throws BundleException {
        List<Path> files = list(layout);
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(files.size() - 1));
    }

    private static List<Path> list(KitLayout layout) throws BundleException {
        if (!Files.isDirectory(layout.receipts())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(layout.receipts())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".dsse.json") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot list " + layout.receipts() + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static String digest(Path file) throws IOException {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(Files.readAllBytes(file)));
    }

    /** Receipt strings are canonical JSON, which has no control characters: fold them into spaces. */
    private static String clean(String text) {
        return text.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }
}
