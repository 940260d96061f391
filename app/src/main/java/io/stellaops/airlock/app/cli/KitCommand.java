package io.stellaops.airlock.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock kit}: import bundles into an Offline Kit staging directory, show its status, roll back. */
@Command(name = "kit",
        mixinStandardHelpOptions = true,
        versionProvider = AirlockCli.Version.class,
        description = "Import bundles into an Offline Kit staging directory, show its status, roll back.",
        subcommands = {KitImportCommand.class, KitStatusCommand.class, KitRollbackCommand.class})
final class KitCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (import, status, rollback)");
    }
}
