package io.stellaops.airlock.app.ui.bootstrap;

import io.stellaops.airlock.app.cluster.ApplyReport;
import io.stellaops.airlock.app.cluster.ObjectDiff;
import io.stellaops.airlock.app.ui.common.UiStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** The one-line summaries under the plan table, in the wizard's language. */
final class PlanSummaries {

    private PlanSummaries() {
    }

    /** "6 to create, 0 to update, 0 unchanged, 0 not managed by Airlock." */
    static String comparison(List<ObjectDiff> diffs, ResourceBundle resources) {
        long unchanged = count(diffs, ObjectDiff.Action.UNCHANGED) + count(diffs, ObjectDiff.Action.EXISTS);
        return UiStrings.format(resources, "bootstrap.plan.summary", count(diffs, ObjectDiff.Action.CREATE),
                count(diffs, ObjectDiff.Action.UPDATE) + count(diffs, ObjectDiff.Action.TAKE_OVER), unchanged,
                count(diffs, ObjectDiff.Action.FOREIGN));
    }

    /** "1 checked by the server, 5 not checked yet": the outcomes that occur, in the enum's order. */
    static String outcomes(ApplyReport report, ResourceBundle resources) {
        List<String> parts = new ArrayList<>();
        for (ApplyReport.Outcome outcome : ApplyReport.Outcome.values()) {
            long count = report.count(outcome);
            if (count > 0) {
                parts.add(count + " " + resources.getString("bootstrap.plan.outcome." + outcome.id()));
            }
        }
        return String.join(", ", parts);
    }

    static long count(List<ObjectDiff> diffs, ObjectDiff.Action action) {
        return diffs.stream().filter(d -> d.action() == action).count();
    }
}
