package io.stellaops.airlock.bundle.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.inspect.InspectedBundle;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.FileEntry;

/**
 * The JSON forms of a verification report and of an inspection, as written by {@code --json} and
 * kept as evidence. Field names are part of the documented contract ({@code docs/cli.md}); fields
 * may be added, never renamed or removed within a major version.
 */
public final class ReportJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportJson() {
    }

    public static ObjectNode report(VerificationReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("verdict", report.verified() ? "verified" : "refused");
        report.failure().ifPresent(failure -> root.put("failure", failure));
        root.put("tool", report.tool());
        root.put("verifiedAt", report.verifiedAt().toString());
        ObjectNode archive = root.putObject("archive");
        archive.put("name", report.archiveName());
        archive.put("size", report.archiveSize());
        report.archiveSha256().ifPresent(sha -> archive.put("sha256", sha));
        report.compression().ifPresent(c -> archive.put("compression", c.id()));
        report.manifest().ifPresent(manifest -> root.set("bundle", bundle(manifest)));
        report.authentication().ifPresent(authentication -> root.set("authentication", authentication(authentication)));
        ArrayNode checks = root.putArray("checks");
        for (CheckResult check : report.checks()) {
            checks.addObject()
                    .put("id", check.id())
                    .put("title", check.title())
                    .put("status", check.status().name().toLowerCase(java.util.Locale.ROOT))
                    .put("detail", check.detail());
        }
        ArrayNode files = root.putArray("files");
        for (FileResult file : report.files()) {
            file(files.addObject(), file.entry()).put("status", file.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        return root;
    }

    private static ObjectNode authentication(Authentication authentication) {
        ObjectNode node = NODES.objectNode();
        node.put("checked", authentication.checked());
        node.put("summary", authentication.summary());
        ArrayNode signatures = node.putArray("signatures");
        for (SignatureResult signature : authentication.signatures()) {
            ObjectNode item = signatures.addObject();
            item.put("index", signature.index());
            item.put("keyId", signature.keyId());
            signature.algorithm().ifPresent(a -> item.put("algorithm", a));
            signature.signer().ifPresent(s -> item.put("signer", s));
            ArrayNode chain = item.putArray("chain");
            signature.chain().forEach(chain::add);
            item.put("outcome", signature.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.put("detail", signature.detail());
        }
        return node;
    }

    public static ObjectNode inspection(InspectedBundle inspected) {
        ObjectNode root = NODES.objectNode();
        ObjectNode archive = root.putObject("archive");
        archive.put("name", inspected.archiveName());
        archive.put("size", inspected.archiveSize());
        archive.put("compression", inspected.compression().id());
        archive.put("manifestSha256", inspected.manifestSha256());
        root.set("bundle", bundle(inspected.manifest()));
        ArrayNode files = root.putArray("files");
        for (FileEntry entry : inspected.manifest().files()) {
            file(files.addObject(), entry);
        }
        root.put("verified", false);
        return root;
    }

    private static ObjectNode bundle(BundleManifest manifest) {
        ObjectNode bundle = NODES.objectNode();
        bundle.put("name", manifest.name());
        bundle.put("version", manifest.version());
        bundle.put("generation", manifest.generation());
        bundle.put("formatVersion", manifest.formatVersion());
        bundle.put("createdAt", manifest.createdAt().toString());
        bundle.put("expiresAt", manifest.expiresAt().toString());
        bundle.put("producer", manifest.producer().name() + " " + manifest.producer().version());
        bundle.put("fileCount", manifest.files().size());
        bundle.put("totalSize", manifest.totalSize());
        return bundle;
    }

    private static ObjectNode file(ObjectNode node, FileEntry entry) {
        return node.put("path", entry.path())
                .put("size", entry.size())
                .put("sha256", entry.sha256())
                .put("mode", entry.modeOctal())
                .put("mediaType", entry.mediaType())
                .put("role", entry.role().id());
    }
}
