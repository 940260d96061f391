package io.stellaops.airlock.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock bundle}: build, inspect and verify telemetry bundles. */
@Command(name = "bundle",
        mixinStandardHelpOptions = true,
        versionProvider = AirlockCli.Version.class,
        description = "Build, inspect, sign and verify telemetry bundles.",
        subcommands = {BundleBuildCommand.class, BundleInspectCommand.class, BundleSignCommand.class, BundleVerifyCommand.class})
final class BundleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (build, inspect, sign, verify)");
    }
}
