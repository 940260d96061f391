package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.kit.KitRollback;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock kit rollback}: re-activate an earlier imported generation, atomically. */
@Command(name = "rollback", sortOptions = false,
        description = {"Re-activate an earlier imported generation, atomically.",
            "The highest generation seen does not change, so older bundles stay refused for import."})
final class KitRollbackCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kit", required = true, paramLabel = "DIR", description = "The Offline Kit folder.")
    Path kit;

    @Option(names = "--to", paramLabel = "GENERATION", description = "The generation to activate (default: the one active before the current one).")
    Long to;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded in the kit history.")
    String reason;

    @picocli.CommandLine.Mixin
    ReceiptOptions receipts;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        KitEntry active = new KitRollback(new KitLayout(kit), Clock.systemUTC(), receipts.settings())
                .rollback(to == null ? OptionalLong.empty() : OptionalLong.of(to), Optional.ofNullable(reason));
        spec.commandLine().getOut().printf("Rolled back: generation %d (%s %s) is active%n", active.generation(),
                active.name(), active.version());
        return ExitCodes.OK;
    }
}
