package io.stellaops.airlock.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.kit.ImportResult;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.kit.KitStateStore;
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
        status.state().history().forEach(event -> history.add(KitStateStore.toJson(event)));
        return root;
    }

    private static ObjectNode entry(KitEntry entry) {
        return KitStateStore.toJson(entry);
    }
}
