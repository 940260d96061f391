package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.manifest.CanonicalJson;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.DsseSignature;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a report as evidence, signed like a kit receipt: the JSON (canonical, so its bytes are
 * stable), the HTML page beside it, and a DSSE envelope whose payload is exactly the JSON file's
 * bytes ({@value #PAYLOAD_TYPE}), signed with the operator's key when one is given, else with no
 * signature. Each file is written atomically; existing ones are replaced.
 */
public final class ChecklistReportWriter {
    public static final String PAYLOAD_TYPE = "application/vnd.stellaops.airlock.checklist-report+json";

    /**
     * Where the three files go: given {@code report.json} (or {@code report.html}, or {@code report}),
     * {@code report.json}, {@code report.html} and {@code report.json.dsse.json}.
     */
    public record Files(Path json, Path html, Path envelope) {
        public static Files of(Path out) {
            String name = out.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            String base = lower.endsWith(".json") || lower.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
            Path json = out.resolveSibling(base + ".json");
            return new Files(json, out.resolveSibling(base + ".html"), out.resolveSibling(base + ".json.dsse.json"));
        }
    }

    private ChecklistReportWriter() {
    }

    /**
     * @param key signs the envelope; empty for an unsigned envelope
     * @throws BundleException {@link io.stellaops.airlock.bundle.Failure#UNREADABLE} when a file cannot be written
     */
    public static Files write(ChecklistReport report, Path out, Optional<SigningKey> key) throws BundleException {
        Files files = Files.of(out);
        byte[] json = CanonicalJson.write(ChecklistReportJson.of(report));
        AtomicFiles.write(files.json(), json, false, true);
        AtomicFiles.write(files.html(), ChecklistReportHtml.render(report).getBytes(UTF_8), false, true);
        AtomicFiles.write(files.envelope(), EnvelopeCodec.encode(envelope(json, key)), false, true);
        return files;
    }

    /** The DSSE envelope over {@code json}, signed with {@code key} when present. */
    public static DsseEnvelope envelope(byte[] json, Optional<SigningKey> key) throws BundleException {
        DsseEnvelope envelope = new DsseEnvelope(PAYLOAD_TYPE, json, List.of());
        if (key.isPresent()) {
            SigningKey signer = key.get();
            envelope = envelope.withSignature(new DsseSignature(signer.keyId(), signer.sign(envelope.pae()),
                    signer.certificateChain()));
        }
        return envelope;
    }
}
