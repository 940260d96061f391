package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.kit.KitEvent;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.kit.KitStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock kit status}: the active bundle, its staleness, the history and the quarantine. */
@Command(name = "status", sortOptions = false, description = "Show the kit's active bundle, history and quarantine, read-only.")
final class KitStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kit", required = true, paramLabel = "DIR", description = "The Offline Kit folder.")
    Path kit;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        KitStatus status = KitStatus.read(new KitLayout(kit), Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        int exit = status.receiptChainProblem().isPresent() ? ExitCodes.DIGEST_MISMATCH : ExitCodes.OK;
        if (json) {
            Json.print(out, KitJson.status(status));
            return exit;
        }
        if (status.state().active().isEmpty()) {
            out.println("Active:       none (no bundle imported yet)");
        } else {
            KitEntry active = status.state().active().get();
            out.printf("Active:       generation %d (%s %s) in bundles/%s%n", active.generation(), active.name(),
                    active.version(), active.directory());
            out.printf("Created:      %s (%d days ago)%n", active.createdAt(), status.activeAge().orElseThrow().toDays());
            out.printf("Expires:      %s%s%n", active.expiresAt(), status.activeExpired() ? " (EXPIRED: import a fresh bundle)" : "");
            out.printf("Archive:      sha256 %s%n", active.archiveSha256());
            active.forcedReason().ifPresent(reason -> out.printf("Forced:       %s%n", reason));
        }
        out.printf("Highest:      generation %d%n", status.state().highestGeneration());
        out.printf("Quarantined:  %d%n", status.quarantined());
        out.printf("Receipts:     %d, %s%n", status.receipts(),
                status.receiptChainProblem().map(p -> "HASH CHAIN BROKEN: " + p).orElse("hash chain intact"));
        if (!status.consistent()) {
            out.println("Consistency:  an operation was interrupted; the next import or rollback repairs it");
        }
        if (!status.state().history().isEmpty()) {
            out.println();
            out.println("History:");
            for (KitEvent event : status.state().history()) {
                out.printf("  %s  %-11s generation %d (%s)%s%n", event.at(), event.action(), event.generation(),
                        event.directory(), event.reason().map(r -> ": " + r).orElse(""));
            }
        }
        return exit;
    }
}
