package io.stellaops.airlock.app.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stellaops.airlock.app.cluster.ApplyOptions;
import io.stellaops.airlock.app.cluster.ApplyReport;
import io.stellaops.airlock.app.cluster.ClusterApplier;
import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.ClusterPlan;
import io.stellaops.airlock.app.cluster.ClusterPlanner;
import io.stellaops.airlock.app.cluster.ClusterTarget;
import io.stellaops.airlock.app.cluster.ConnectionOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock cluster apply}: diff against the live cluster, server dry run, server-side apply. */
@Command(name = "apply", sortOptions = false,
        description = {"Diff the plan against the live cluster (key names and digests, never values), have the server"
            + " dry-run every change, then apply it with server-side apply (field manager airlock).",
            "Objects not labelled app.kubernetes.io/managed-by=airlock are never changed without --take-ownership."
            + " A failure stops the run and says what was applied; running the command again completes the plan."})
final class ClusterApplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ClusterInputOptions inputs;

    @Mixin
    ClusterConnectionOptions connection;

    @Option(names = "--dry-run", order = 20, description = "Diff and server dry run only; change nothing.")
    boolean dryRun;

    @Option(names = "--take-ownership", order = 21,
            description = "Also update objects that exist without Airlock's label (they get the label).")
    boolean takeOwnership;

    @Option(names = "--json", order = 22, description = "Print the report as JSON (also on failure).")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws ClusterException {
        PrintWriter out = spec.commandLine().getOut();
        ConnectionOptions options = connection.options();
        try (ClusterPlan plan = new ClusterPlanner().plan(inputs.request(Clock.systemUTC()))) {
            ClusterTarget target = ClusterTarget.resolve(options, System.getenv(), Path.of(System.getProperty("user.home")));
            try (KubernetesClient client = target.connect()) {
                ApplyReport report = ClusterApplier.of(client, target, options)
                        .apply(plan, new ApplyOptions(dryRun, takeOwnership));
                print(out, plan, report);
                return ExitCodes.OK;
            } catch (ClusterException e) {
                if (e.report().isPresent()) {
                    print(out, plan, e.report().get());
                }
                throw e;
            }
        }
    }

    private void print(PrintWriter out, ClusterPlan plan, ApplyReport report) {
        if (json) {
            Json.print(out, ClusterJson.report(plan, report));
        } else {
            ClusterText.report(out, plan, report);
        }
    }
}
