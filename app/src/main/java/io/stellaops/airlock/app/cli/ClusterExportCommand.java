package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.ClusterPlan;
import io.stellaops.airlock.app.cluster.ClusterPlanner;
import io.stellaops.airlock.app.cluster.PlanExporter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock cluster export}: the plan as YAML for {@code kubectl apply -f}. */
@Command(name = "export", sortOptions = false,
        description = "Write the plan as multi-document YAML for 'kubectl apply -f' (Secrets with base64 data)."
            + " The file CONTAINS SECRETS: it is created owner-only (rw-------); delete it after use.")
final class ClusterExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ClusterInputOptions inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE.yaml", order = 20, description = "The YAML file to write.")
    Path out;

    @Option(names = "--force", order = 21, description = "Replace an existing file.")
    boolean force;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws ClusterException {
        try (ClusterPlan plan = new ClusterPlanner().plan(inputs.request(Clock.systemUTC()))) {
            new PlanExporter().write(plan, out, force);
            spec.commandLine().getErr().println("airlock: export: WARNING: " + out + " contains Secrets (TLS key, Authority"
                    + " token) in plain base64; it is readable by you only. Delete it after 'kubectl apply -f'.");
            spec.commandLine().getOut().printf("Wrote %d objects for namespace %s to %s (owner-only)%n",
                    plan.objects().size(), plan.namespace(), out);
        }
        return ExitCodes.OK;
    }
}
