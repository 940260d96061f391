package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The report as JSON, the document the DSSE envelope signs and {@code --json} prints. Field names
 * are a contract (added to, never renamed). Every string is printable: control characters are
 * folded into spaces, so the canonical form exists.
 */
public final class ChecklistReportJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChecklistReportJson() {
    }

    public static ObjectNode of(ChecklistReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("_type", ChecklistReport.REPORT_TYPE);
        root.put("tool", clean(report.tool()));
        root.put("operator", clean(report.operator()));
        root.put("host", clean(report.host()));
        root.put("startedAt", report.startedAt().toString());
        root.put("finishedAt", report.finishedAt().toString());
        root.putObject("config").put("file", clean(report.configFile())).put("sha256", report.configSha256());
        report.only().ifPresent(only -> root.put("only", clean(only)));
        root.put("verdict", report.verdict().id());
        ObjectNode counts = root.putObject("counts");
        for (CheckState state : CheckState.values()) {
            counts.put(state.id(), report.count(state));
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckOutcome outcome : report.outcomes()) {
            checks.add(check(outcome));
        }
        return root;
    }

    private static ObjectNode check(CheckOutcome outcome) {
        ObjectNode node = NODES.objectNode();
        node.put("id", outcome.id());
        node.put("title", clean(outcome.title()));
        node.put("state", outcome.state().id());
        node.put("summary", clean(outcome.summary()));
        outcome.reason().ifPresent(reason -> node.put("reason", reason.id()));
        if (!outcome.fixHint().isEmpty()) {
            node.put("fixHint", clean(outcome.fixHint()));
        }
        outcome.startedAt().ifPresent(at -> node.put("startedAt", at.toString()));
        outcome.duration().ifPresent(duration -> node.put("durationMillis", duration.toMillis()));
        outcome.confirmation().ifPresent(c -> node.putObject("confirmation").put("by", clean(c.by())).put("at", c.at().toString()));
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence item : outcome.evidence()) {
            evidence.addObject().put("at", item.at().toString()).put("request", item.request()).put("response", item.response());
        }
        return node;
    }

    private static String clean(String text) {
        return Printable.clean(text);
    }
}
