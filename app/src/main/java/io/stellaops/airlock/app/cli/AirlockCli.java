package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.io.PendingFiles;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless entry point: builds the picocli command tree and maps every outcome to an exit
 * code of {@code docs/cli.md}. A refusal prints one line, "airlock: ACTION: reason", to standard
 * error; no stack trace unless {@code AIRLOCK_DEBUG} is set.
 */
@Command(name = "airlock",
        mixinStandardHelpOptions = true,
        versionProvider = AirlockCli.Version.class,
        description = "Offline telemetry bundles for disconnected StellaOps clusters.%n"
                + "Without arguments, opens the wizard.",
        subcommands = {BundleCommand.class, KeysCommand.class, KitCommand.class, PkiCommand.class,
                ClusterCommand.class, ChecklistCommand.class, CommandLine.HelpCommand.class})
public final class AirlockCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static int run(String... args) {
        // Ctrl-C ends the JVM without running finally blocks: remove half-written outputs on the way out.
        Runtime.getRuntime().addShutdownHook(new Thread(PendingFiles::deleteAll, "airlock-cleanup"));
        return newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** A command line writing to the given streams, for the tests. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new AirlockCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        ClusterCommand.addFooters(commandLine.getSubcommands().get("cluster"));
        commandLine.setParameterExceptionHandler((e, args) -> {
            err.println("airlock: usage: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof BundleException refusal) {
                err.println("airlock: " + cmd.getCommandName() + ": " + refusal.getMessage());
                debug(e, err);
                return ExitCodes.of(refusal.failure());
            }
            if (e instanceof ClusterException refusal) {
                err.println("airlock: " + cmd.getCommandName() + ": " + refusal.getMessage());
                debug(e, err);
                return refusal.exitCode();
            }
            err.println("airlock: " + cmd.getCommandName() + ": unexpected error: " + e);
            debug(e, err);
            return ExitCodes.UNREADABLE;
        });
        return commandLine;
    }

    private static void debug(Exception e, PrintWriter err) {
        if (System.getenv("AIRLOCK_DEBUG") != null) {
            e.printStackTrace(err);
        }
    }

    /** Prints the version of the library, which every manifest and report also records. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return VersionText.lines().toArray(String[]::new);
        }
    }
}
