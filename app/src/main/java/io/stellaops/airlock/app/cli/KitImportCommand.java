package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.kit.ImportRequest;
import io.stellaops.airlock.bundle.kit.ImportResult;
import io.stellaops.airlock.bundle.kit.KitImporter;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.verify.ReportJson;
import io.stellaops.airlock.bundle.verify.VerificationException;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock kit import}: verify, then extract and activate a bundle in an Offline Kit. */
@Command(name = "import", sortOptions = false,
        description = {"Import a bundle into an Offline Kit: verify it fully first, extract only what its signed manifest lists, activate it atomically; refuse a generation that is not newer; quarantine what fails."})
final class KitImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The bundle archive (.tar.gz or .tar.zst), with its sidecars beside it.")
    Path archive;

    @Option(names = "--kit", required = true, paramLabel = "DIR", description = "The Offline Kit folder (holds telemetry/).")
    Path kit;

    @Mixin
    TrustOptions trust;

    @Mixin
    ReceiptOptions receipts;

    @Option(names = "--dry-run", description = "Verify and report only; change nothing in the kit.")
    boolean dryRun;

    @Option(names = "--force-activate", description = "Activate even if the generation is not newer (needs --force-reason).")
    boolean forceActivate;

    @Option(names = "--force-reason", paramLabel = "TEXT", description = "Why the older generation must be activated; recorded in the kit state.")
    String forceReason;

    @Option(names = "--move", description = "Move a refused bundle into quarantine instead of copying it.")
    boolean move;

    @Option(names = "--json", description = "Print the result (or the refusal) as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        if (forceActivate != (forceReason != null)) {
            throw new BundleException(Failure.USAGE, "--force-activate and --force-reason go together");
        }
        if (forceReason != null && forceReason.isBlank()) {
            throw new BundleException(Failure.USAGE, "--force-reason must say why");
        }
        if (!trust.present()) {
            throw new BundleException(Failure.USAGE, "kit import needs --trust: a bundle is imported only when its signatures are trusted");
        }
        VerifyOptions options = VerifyOptions.defaults();
        ImportRequest request = new ImportRequest(archive, trust.authenticator(options.limits()), dryRun,
                Optional.ofNullable(forceReason), move);
        PrintWriter out = spec.commandLine().getOut();
        try {
            ImportResult result = new KitImporter(new KitLayout(kit), options, receipts.settings()).importBundle(request, ProgressListener.NONE);
            print(out, result);
            return ExitCodes.OK;
        } catch (VerificationException e) {
            if (json) {
                Json.print(out, ReportJson.report(e.report()));
            }
            for (Throwable note : e.getSuppressed()) {
                spec.commandLine().getErr().println("airlock: import: " + note.getMessage());
            }
            throw e;
        }
    }

    private void print(PrintWriter out, ImportResult result) {
        if (json) {
            Json.print(out, KitJson.importResult(result));
            return;
        }
        result.repairs().forEach(repair -> out.println("Recovered: " + repair));
        String what = "generation " + result.entry().generation() + " (" + result.entry().name() + " "
                + result.entry().version() + ")";
        switch (result.outcome()) {
            case ACTIVATED -> out.printf("Imported and activated %s as %s%n", what, kit.resolve("telemetry/bundles")
                    .resolve(result.entry().directory()));
            case ALREADY_ACTIVE -> out.printf("Already active: %s; nothing changed%n", what);
            case DRY_RUN -> out.printf("Dry run: %s verified and would be imported; nothing changed%n", what);
        }
        result.report().check("signature").ifPresent(check -> out.printf("Signed by:  %s%n", check.detail()));
        out.printf("Contents:   %d file(s) verified, archive sha256 %s%n", result.report().files().size(),
                result.report().archiveSha256().orElse(""));
        result.entry().forcedReason().ifPresent(reason -> out.printf("Forced:     %s%n", reason));
    }
}
