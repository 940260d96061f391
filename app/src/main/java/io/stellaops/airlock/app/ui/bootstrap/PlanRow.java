package io.stellaops.airlock.app.ui.bootstrap;

import io.stellaops.airlock.app.cluster.ApplyReport;
import io.stellaops.airlock.app.cluster.KeyChange;
import io.stellaops.airlock.app.cluster.ObjectDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * One row of the plan table: an object (its action and, after a dry run or apply, its outcome) or
 * one of its data keys (its change and digests). Values are never in a row: digests only, as in
 * {@code airlock cluster apply}'s text.
 *
 * @param object  the object's id, on object rows; empty on key rows
 * @param action  what applying does to the object, or how the key changes
 * @param key     the data key, on key rows; or one metadata change line
 * @param digest  the digests of the key: {@code live -> planned}
 * @param outcome the outcome and its reason, once a dry run or apply ran
 * @param header  true for an object row
 */
public record PlanRow(String object, String action, String key, String digest, String outcome, boolean header) {

    /** The rows of a comparison: one per object, then its keys and metadata changes (none for unchanged objects). */
    static List<PlanRow> of(List<ObjectDiff> diffs, ResourceBundle resources) {
        List<PlanRow> rows = new ArrayList<>();
        for (ObjectDiff diff : diffs) {
            addObject(rows, diff, "", resources);
        }
        return rows;
    }

    /** The rows of an apply report: as {@link #of}, with each object's outcome. */
    static List<PlanRow> of(ApplyReport report, ResourceBundle resources) {
        List<PlanRow> rows = new ArrayList<>();
        for (ApplyReport.ObjectResult result : report.results()) {
            String outcome = resources.getString("bootstrap.plan.outcome." + result.outcome().id())
                    + result.detail().map(d -> ": " + d).orElse("");
            addObject(rows, result.diff(), outcome, resources);
        }
        return rows;
    }

    private static void addObject(List<PlanRow> rows, ObjectDiff diff, String outcome, ResourceBundle resources) {
        rows.add(new PlanRow(diff.object().id(), resources.getString("bootstrap.plan.action." + id(diff.action().name())),
                "", "", outcome, true));
        if (diff.action() == ObjectDiff.Action.UNCHANGED || diff.action() == ObjectDiff.Action.EXISTS) {
            return;
        }
        for (KeyChange key : diff.keys()) {
            rows.add(new PlanRow("", resources.getString("bootstrap.plan.change." + id(key.change().name())), key.key(),
                    digests(key), "", false));
        }
        for (String line : diff.metadata()) {
            rows.add(new PlanRow("", resources.getString("bootstrap.plan.change.changed"), line, "", "", false));
        }
    }

    private static String id(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String digests(KeyChange key) {
        return switch (key.change()) {
            case ADDED, UNCHANGED -> "sha256 " + shortDigest(key.desired());
            case CHANGED -> "sha256 " + shortDigest(key.live()) + " → " + shortDigest(key.desired());
            case KEPT -> "sha256 " + shortDigest(key.live());
        };
    }

    private static String shortDigest(Optional<String> hex) {
        String value = hex.orElse("");
        return value.length() > 16 ? value.substring(0, 16) + "…" : value;
    }
}
