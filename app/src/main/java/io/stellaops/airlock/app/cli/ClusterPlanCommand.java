package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.ClusterPlan;
import io.stellaops.airlock.app.cluster.ClusterPlanner;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock cluster plan}: the desired objects, from local files only. */
@Command(name = "plan", sortOptions = false,
        description = "Show the Namespace, Secrets and ConfigMaps Airlock would apply: key names and SHA-256 digests,"
            + " never values. Reads local files only; nothing is sent to a cluster.")
final class ClusterPlanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ClusterInputOptions inputs;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws ClusterException {
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterPlan plan = new ClusterPlanner().plan(inputs.request(Clock.systemUTC()))) {
            if (json) {
                Json.print(out, ClusterJson.plan(plan));
            } else {
                ClusterText.plan(out, plan);
            }
        }
        return ExitCodes.OK;
    }
}
