package io.stellaops.airlock.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.kit.ImportResult;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.kit.KitEvent;
import io.stellaops.airlock.bundle.kit.KitStatus;
import io.stellaops.airlock.bundle.verify.ReportJson;
import java.util.Locale;

/** The {@code --json} forms of kit results. */
final class KitJson {
    private KitJson() {
    }

    static ObjectNode importResult(ImportResult result) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        root.set("bundle", entry(result.entry()));
        root.putArray("repairs").addAll(result.repairs().stream().map(JsonNodeFactory.instance::textNode).toList());
        root.set("report", ReportJson.report(result.report()));
        return root;
    }

    static ObjectNode status(KitStatus status) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        status.state().active().ifPresentOrElse(a -> root.set("active", entry(a)), () -> root.putNull("active"));
        root.put("highestGeneration", status.state().highestGeneration());
        root.put("quarantined", status.quarantined());
        root.put("receipts", status.receipts());
        root.put("expired", status.activeExpired());
        status.activeAge().ifPresent(age -> root.put("activeAgeDays", age.toDays()));
        root.put("consistent", status.consistent());
        root.put("checkedAt", status.checkedAt().toString());
        var imported = root.putArray("imported");
        status.state().imported().forEach(e -> imported.add(entry(e)));
        var history = root.putArray("history");
        for (KitEvent event : status.state().history()) {
            ObjectNode node = history.addObject().put("at", event.at().toString()).put("action", event.action())
                    .put("generation", event.generation()).put("directory", event.directory());
            event.reason().ifPresent(r -> node.put("reason", r));
        }
        return root;
    }

    private static ObjectNode entry(KitEntry entry) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("generation", entry.generation())
                .put("name", entry.name())
                .put("version", entry.version())
                .put("directory", entry.directory())
                .put("archiveFile", entry.archiveFile())
                .put("archiveSha256", entry.archiveSha256())
                .put("manifestSha256", entry.manifestSha256())
                .put("createdAt", entry.createdAt().toString())
                .put("expiresAt", entry.expiresAt().toString())
                .put("importedAt", entry.importedAt().toString());
        entry.forcedReason().ifPresent(r -> node.put("forcedReason", r));
        return node;
    }
}
