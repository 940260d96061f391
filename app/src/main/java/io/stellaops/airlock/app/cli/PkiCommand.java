package io.stellaops.airlock.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock pki}: TLS material for the collector and storage endpoints. */
@Command(name = "pki", mixinStandardHelpOptions = true, versionProvider = AirlockCli.Version.class,
        description = "TLS material for the collector and storage endpoints: dev certificates, and checks of real ones.",
        subcommands = {PkiDevTlsCommand.class, PkiCheckCommand.class})
final class PkiCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (dev-tls, check)");
    }
}
