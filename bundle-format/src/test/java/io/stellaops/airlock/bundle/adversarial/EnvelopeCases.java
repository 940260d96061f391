package io.stellaops.airlock.bundle.adversarial;

import static io.stellaops.airlock.bundle.adversarial.Hostile.A;
import static io.stellaops.airlock.bundle.adversarial.Hostile.C;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.sign.SignatureFiles;
import io.stellaops.airlock.bundle.testing.Forge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Attacks on the signature: no envelope, untrusted signers, a trusted key id over an untrusted
 * signature, payloads that do not match the archive's manifest (the tampered-media case: the
 * manifest changed, the old envelope kept), signatures without PAE, and envelopes with extra,
 * missing or duplicated fields.
 */
final class EnvelopeCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvelopeCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(signature("envelope-missing", "a genuine archive without any .dsse.json", "no signature",
                (archive, keys) -> Files.delete(SignatureFiles.envelopeFor(archive))));
        cases.add(signature("signer-untrusted", "signed by a key that is not in the trust policy", "is not in the trust policy",
                (archive, keys) -> CorpusKeys.sign(archive, Hostile.manifest(), keys.untrusted)));
        cases.add(signature("signer-keyid-spoofed", "an untrusted signature labelled with the trusted key's id",
                "trusted key 'release' does not verify it",
                (archive, keys) -> {
                    CorpusKeys.sign(archive, Hostile.manifest(), keys.untrusted);
                    edit(archive, e -> signature(e).put("keyid", keys.trusted.keyId()));
                }));
        cases.add(signature("payload-mismatch-tampered-manifest", "pwned.yaml added to the manifest, the old envelope kept",
                "the envelope signs a different manifest than the archive holds", (archive, keys) -> {
                    Forge tampered = Hostile.forge().file("pwned.yaml", "x");
                    byte[] manifest = tampered.manifestBytes();
                    byte[] tar = new RawTar().file("manifest.json", manifest).file("a.yaml", A).file("b/c.yaml", C)
                            .file("pwned.yaml", "x").end().bytes();
                    RawTar.compress(archive, tar, Compression.GZIP);
                }));
        cases.add(signature("payload-mismatch-other-manifest", "a trusted envelope over another bundle's manifest",
                "the envelope signs a different manifest than the archive holds",
                (archive, keys) -> keys.sign(archive, new Forge().file("a.yaml", "other\n").manifestBytes())));
        cases.add(signature("signature-without-pae", "the trusted key's signature over the bare payload, not its PAE",
                "trusted key 'release' does not verify it",
                (archive, keys) -> edit(archive, e -> signature(e).put("sig",
                        Base64.getEncoder().encodeToString(sign(keys, Hostile.manifest()))))));
        cases.add(signature("signature-bit-flipped", "one bit of the trusted signature flipped",
                "trusted key 'release' does not verify it",
                (archive, keys) -> edit(archive, e -> {
                    byte[] sig = Base64.getDecoder().decode(signature(e).get("sig").asText());
                    sig[sig.length / 2] ^= 1;
                    signature(e).put("sig", Base64.getEncoder().encodeToString(sig));
                })));
        cases.add(signature("signatures-empty", "an envelope with an empty signature list", "holds no signature",
                (archive, keys) -> edit(archive, e -> e.putArray("signatures"))));
        cases.add(malformed("envelope-extra-field", "a top-level field 'payloadDigest' beside the DSSE fields", "payloadDigest",
                e -> e.put("payloadDigest", "sha256:0")));
        cases.add(malformed("envelope-missing-payload", "no 'payload' field", "payload", e -> e.remove("payload")));
        cases.add(malformed("envelope-missing-signatures", "no 'signatures' field", "signatures", e -> e.remove("signatures")));
        cases.add(malformed("signature-extra-field", "a signature with an extra 'trusted: true' field", "trusted",
                e -> signature(e).put("trusted", true)));
        cases.add(malformed("keyid-terminal-escape", "a keyid holding an ANSI escape sequence that clears the terminal",
                "signatures[0].keyid contains the control character U+001B at index 0",
                e -> signature(e).put("keyid", "\u001b[2J\u001b[Hverified: OK")));
        cases.add(malformed("envelope-wrong-types", "signatures as a string", "signatures", e -> e.put("signatures", "all")));
        cases.add(signature("envelope-payload-type", "payloadType text/plain", "payloadType 'text/plain' is not",
                (archive, keys) -> edit(archive, e -> e.put("payloadType", "text/plain"))));
        cases.add(Hostile.refused("envelope-duplicate-key", "dsse", "'payload' twice, the second another manifest", "duplicate",
                (folder, keys) -> {
                    Path archive = genuine(folder, keys, "envelope-duplicate-key");
                    String text = Files.readString(SignatureFiles.envelopeFor(archive), UTF_8);
                    String other = Base64.getEncoder().encodeToString(new Forge().file("x.yaml", "x").manifestBytes());
                    Files.writeString(SignatureFiles.envelopeFor(archive),
                            text.replaceFirst("\\{", "{\"payload\":\"" + other + "\","), UTF_8);
                    return archive;
                }));
        cases.add(Hostile.refused("envelope-oversized", "dsse", "an envelope of 64 MiB of white space", "over the limit",
                (folder, keys) -> {
                    Path archive = genuine(folder, keys, "envelope-oversized");
                    Files.write(SignatureFiles.envelopeFor(archive), " ".repeat(64 << 20).getBytes(UTF_8));
                    return archive;
                }));
        return cases;
    }

    /** Refused as a bad signature (exit 5); {@code change} alters the genuine, trusted bundle. */
    private static HostileCase signature(String id, String attack, String message, Change change) {
        return new HostileCase(id, "dsse", attack, Failure.SIGNATURE, message, (folder, keys) -> {
            Path archive = genuine(folder, keys, id);
            change.apply(archive, keys);
            return archive;
        });
    }

    /** Refused as malformed input (exit 11); {@code change} edits the envelope JSON. */
    private static HostileCase malformed(String id, String attack, String message, Consumer<ObjectNode> change) {
        return Hostile.refused(id, "dsse", attack, message, (folder, keys) -> {
            Path archive = genuine(folder, keys, id);
            edit(archive, change);
            return archive;
        });
    }

    private static Path genuine(Path folder, CorpusKeys keys, String id) throws Exception {
        return Hostile.signed(folder, keys, id, Hostile.tar().file("a.yaml", A).file("b/c.yaml", C).end().bytes(),
                Compression.GZIP);
    }

    private static void edit(Path archive, Consumer<ObjectNode> change) throws Exception {
        Path envelope = SignatureFiles.envelopeFor(archive);
        ObjectNode json = (ObjectNode) JSON.readTree(Files.readAllBytes(envelope));
        change.accept(json);
        Files.write(envelope, JSON.writeValueAsBytes(json));
    }

    private static ObjectNode signature(ObjectNode envelope) {
        return (ObjectNode) envelope.get("signatures").get(0);
    }

    private static byte[] sign(CorpusKeys keys, byte[] message) {
        try {
            return keys.trusted.sign(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Change {
        void apply(Path archive, CorpusKeys keys) throws Exception;
    }
}
