package io.stellaops.airlock.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock checklist}: the runbook's operational checklist against the live endpoints. */
@Command(name = "checklist", mixinStandardHelpOptions = true, versionProvider = AirlockCli.Version.class,
        description = "The runbook's operational checklist: certificates, scrape, tenant activity, retention, alerts.",
        subcommands = {ChecklistRunCommand.class})
final class ChecklistCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (run)");
    }
}
