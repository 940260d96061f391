package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.cluster.ApplyReport;
import io.stellaops.airlock.app.cluster.ClusterApplier;
import io.stellaops.airlock.app.cluster.ClusterPlan;
import io.stellaops.airlock.app.cluster.DataValue;
import io.stellaops.airlock.app.cluster.DesiredObject;
import io.stellaops.airlock.app.cluster.KeyChange;
import io.stellaops.airlock.app.cluster.ObjectDiff;
import io.stellaops.airlock.app.cluster.TlsMaterial;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The text forms of a cluster plan and an apply report: key names and digests, never values. */
final class ClusterText {
    private ClusterText() {
    }

    static void plan(PrintWriter out, ClusterPlan plan) {
        header(out, plan);
        out.println();
        for (DesiredObject object : plan.objects()) {
            out.println(object.id());
            for (Map.Entry<String, DataValue> entry : object.data().entrySet()) {
                DataValue value = entry.getValue();
                out.printf("    %-28s sha256 %s  %6d bytes  from %s%n", entry.getKey(), value.sha256(), value.size(),
                        value.origin());
            }
        }
        out.println();
        out.println("Every object is labelled " + ClusterPlan.MANAGED_BY_LABEL + "=" + ClusterPlan.MANAGER + " and annotated "
                + ClusterPlan.BUNDLE_ANNOTATION + ", " + ClusterPlan.SOURCE_ANNOTATION + ".");
        out.println("Nothing was sent. 'airlock cluster apply' applies this plan; 'airlock cluster export' writes it as YAML.");
        out.flush();
    }

    private static void header(PrintWriter out, ClusterPlan plan) {
        out.println("Namespace:  " + plan.namespace());
        out.println("Source:     " + plan.source().description());
        out.println("            " + ClusterPlan.BUNDLE_ANNOTATION + "=" + plan.source().sha256());
        out.println("Token:      " + plan.token().describe());
        out.println("            decoded, not verified: Authority checks the signature when Prometheus uses the token");
        for (TlsMaterial.CertificateSummary cert : plan.certificates()) {
            out.printf("TLS:        %s %s, valid until %s%s%n", cert.file(), cert.subject(), cert.notAfter(),
                    cert.count() > 1 ? " (+" + (cert.count() - 1) + " more in the file)" : "");
        }
    }

    static void report(PrintWriter out, ClusterPlan plan, ApplyReport report) {
        header(out, plan);
        out.println("Cluster:    " + report.target());
        out.println("Apply:      server-side apply, field manager " + ClusterApplier.FIELD_MANAGER + ", after a server dry run"
                + (report.dryRun() ? " (DRY RUN: nothing is changed)" : ""));
        out.println();
        for (ApplyReport.ObjectResult result : report.results()) {
            ObjectDiff diff = result.diff();
            out.printf("  %-10s %-60s %s%n", action(diff.action()), diff.object().id(), result.outcome().id()
                    + result.detail().map(d -> ": " + d).orElse(""));
            if (diff.action() != ObjectDiff.Action.UNCHANGED) {
                for (KeyChange key : diff.keys()) {
                    out.printf("               %s %-28s %s%n", key.change().symbol(), key.key(), digests(key));
                }
                diff.metadata().forEach(line -> out.println("               ~ " + line));
            }
        }
        out.println();
        out.println((report.dryRun() ? "Dry run:    " : "Summary:    ") + report.summary());
        report.failure().ifPresent(f -> out.println("Stopped:    " + f));
        out.flush();
    }

    private static String action(ObjectDiff.Action action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String digests(KeyChange key) {
        return switch (key.change()) {
            case ADDED -> "sha256 " + shortDigest(key.desired().orElse(""));
            case CHANGED -> "sha256 " + shortDigest(key.live().orElse("")) + " -> " + shortDigest(key.desired().orElse(""));
            case UNCHANGED -> "sha256 " + shortDigest(key.desired().orElse("")) + " (unchanged)";
            case KEPT -> "sha256 " + shortDigest(key.live().orElse("")) + " (not in the plan: left as it is)";
        };
    }

    private static String shortDigest(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }
}
