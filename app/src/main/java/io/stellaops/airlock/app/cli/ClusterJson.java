package io.stellaops.airlock.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.app.cluster.ApplyReport;
import io.stellaops.airlock.app.cluster.ClusterApplier;
import io.stellaops.airlock.app.cluster.ClusterPlan;
import io.stellaops.airlock.app.cluster.DesiredObject;
import io.stellaops.airlock.app.cluster.KeyChange;
import io.stellaops.airlock.app.cluster.ObjectDiff;
import io.stellaops.airlock.app.cluster.TlsMaterial;
import java.util.Locale;
import java.util.Map;

/** The {@code --json} forms of a cluster plan and an apply report: key names and digests, never values. */
final class ClusterJson {
    private ClusterJson() {
    }

    static ObjectNode plan(ClusterPlan plan) {
        ObjectNode root = context(plan);
        ArrayNode objects = root.putArray("objects");
        for (DesiredObject object : plan.objects()) {
            ObjectNode node = object(objects.addObject(), object);
            ArrayNode keys = node.putArray("keys");
            object.data().forEach((key, value) -> keys.addObject().put("key", key).put("sha256", value.sha256())
                    .put("size", value.size()).put("from", value.origin()));
        }
        return root;
    }

    static ObjectNode report(ClusterPlan plan, ApplyReport report) {
        ObjectNode root = context(plan);
        root.put("target", report.target());
        root.put("fieldManager", ClusterApplier.FIELD_MANAGER);
        root.put("dryRun", report.dryRun());
        root.put("outcome", report.failure().isPresent() ? "failed" : report.dryRun() ? "dry-run" : "applied");
        root.put("summary", report.summary());
        report.failure().ifPresent(f -> root.put("failure", f));
        ArrayNode objects = root.putArray("objects");
        for (ApplyReport.ObjectResult result : report.results()) {
            ObjectDiff diff = result.diff();
            ObjectNode node = object(objects.addObject(), diff.object());
            node.put("action", diff.action().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            node.put("outcome", result.outcome().id());
            result.detail().ifPresent(d -> node.put("detail", d));
            ArrayNode keys = node.putArray("keys");
            for (KeyChange key : diff.keys()) {
                ObjectNode k = keys.addObject().put("key", key.key())
                        .put("change", key.change().name().toLowerCase(Locale.ROOT));
                key.live().ifPresent(v -> k.put("liveSha256", v));
                key.desired().ifPresent(v -> k.put("desiredSha256", v));
            }
            ArrayNode metadata = node.putArray("metadata");
            diff.metadata().forEach(metadata::add);
        }
        return root;
    }

    private static ObjectNode context(ClusterPlan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("namespace", plan.namespace());
        root.putObject("source").put("description", plan.source().description())
                .put("root", plan.source().root().toString())
                .put("bundleSha256", plan.source().sha256())
                .put("annotation", plan.source().annotation());
        ObjectNode token = root.putObject("token");
        token.put("expiresAt", plan.token().expiresAt().toString());
        token.put("expiresSoon", plan.token().expiresSoon());
        plan.token().audiences().forEach(token.withArray("audience")::add);
        plan.token().scopes().forEach(token.withArray("scopes")::add);
        token.put("signatureVerified", false);
        ArrayNode certificates = root.putArray("certificates");
        for (TlsMaterial.CertificateSummary cert : plan.certificates()) {
            certificates.addObject().put("file", cert.file()).put("subject", cert.subject())
                    .put("notAfter", cert.notAfter().toString()).put("count", cert.count());
        }
        return root;
    }

    private static ObjectNode object(ObjectNode node, DesiredObject object) {
        node.put("kind", object.kind().kind());
        if (object.namespaced()) {
            node.put("namespace", object.namespace());
        }
        node.put("name", object.name());
        putAll(node.putObject("labels"), object.labels());
        putAll(node.putObject("annotations"), object.annotations());
        return node;
    }

    private static void putAll(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }
}
