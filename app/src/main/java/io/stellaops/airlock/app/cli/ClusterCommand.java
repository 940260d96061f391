package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.cluster.AuthorityClients;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock cluster}: plan, apply and export the Kubernetes objects of the telemetry storage stack. */
@Command(name = "cluster",
        mixinStandardHelpOptions = true,
        versionProvider = AirlockCli.Version.class,
        description = "Plan, apply and export the Secrets and ConfigMaps of the telemetry storage stack.",
        subcommands = {ClusterPlanCommand.class, ClusterApplyCommand.class, ClusterExportCommand.class})
final class ClusterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (plan, apply, export)");
    }

    /** Adds the Authority commands of runbook section 4 to the help of {@code cluster} and its subcommands. */
    static void addFooters(CommandLine cluster) {
        StringBuilder footer = new StringBuilder("%nAuthority clients and tokens (runbook section 4); --token takes the"
                + " Prometheus one:%n");
        for (String command : AuthorityClients.commands()) {
            footer.append("  ").append(String.join(" \\%n      ", wrap(command))).append("%n");
        }
        cluster.getCommandSpec().usageMessage().footer(footer.toString());
        cluster.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage().footer(footer.toString()));
    }

    /** Breaks a shell command before its options so that each line stays under 76 columns (continued with '\\'). */
    static List<String> wrap(String command) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : command.replace("%", "%%").split(" (?=--)|(?= > )")) {
            if (line.length() > 0 && line.length() + part.length() + 1 > 66) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(part.strip());
        }
        lines.add(line.toString());
        return lines;
    }
}
