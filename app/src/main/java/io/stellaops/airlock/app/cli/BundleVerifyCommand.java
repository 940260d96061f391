package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.CheckResult;
import io.stellaops.airlock.bundle.verify.CheckStatus;
import io.stellaops.airlock.bundle.verify.FileResult;
import io.stellaops.airlock.bundle.verify.ReportFiles;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import io.stellaops.airlock.bundle.verify.ReportJson;
import io.stellaops.airlock.bundle.verify.VerificationException;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code airlock bundle verify}: the signature step (when a trust policy is given), the manifest's
 * rules and one streamed pass over the archive, printed as three verdict lines and the steps.
 */
@Command(name = "verify", sortOptions = false,
        description = {"Verify a bundle: its signatures against a trust policy (--trust), the manifest's rules and validity, and every entry's size and SHA-256 in one streamed pass. Exit 0 only when everything matched."})
final class BundleVerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The bundle archive (.tar.gz or .tar.zst).")
    Path archive;

    @Mixin
    TrustOptions trust;

    @Option(names = "--report", paramLabel = "OUT",
            description = "Also write the report as evidence: HTML when OUT ends in .html, JSON otherwise (also on refusal).")
    Path reportFile;

    @Option(names = "--json", description = "Print the verification report as JSON (also on refusal).")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        VerifyOptions options = VerifyOptions.defaults();
        BundleVerifier verifier = new BundleVerifier(options);
        PrintWriter out = spec.commandLine().getOut();
        try {
            VerificationReport report = verifier.verify(archive, trust.authenticator(options.limits()), PayloadSink.DISCARD,
                    ProgressListener.NONE);
            print(out, report);
            writeReport(report);
            return ExitCodes.OK;
        } catch (VerificationException e) {
            print(out, e.report());
            writeReport(e.report());
            throw e;
        }
    }

    private void writeReport(VerificationReport report) throws BundleException {
        if (reportFile != null) {
            ReportFiles.write(report, reportFile);
        }
    }

    private void print(PrintWriter out, VerificationReport report) {
        if (json) {
            Json.print(out, ReportJson.report(report));
            return;
        }
        CheckResult signature = report.check("signature").orElse(null);
        out.printf("Signed by:  %s%n", signature == null ? "not reached" : signature.detail());
        report.authentication().ifPresent(a -> a.details().forEach(line -> out.printf("            %s%n", line)));
        CheckResult contents = report.check("contents").orElse(null);
        out.printf("Contents:   %s%n", contents == null ? "not reached"
                : contents.status() == CheckStatus.PASSED ? report.files().size() + " file(s) matched the manifest"
                : contents.detail());
        out.printf("Verified:   %s%n", report.verified()
                ? "yes" + (signature != null && signature.status() == CheckStatus.SKIPPED ? " (integrity only: no signature was checked)" : "")
                : "NO: " + report.failure().orElse(""));
        out.println();
        for (CheckResult check : report.checks()) {
            out.printf("  [%-7s] %-15s %s%n", check.status().name().toLowerCase(Locale.ROOT), check.title(), check.detail());
        }
        if (!report.files().isEmpty()) {
            out.println();
            Map<String, CheckStatus> status = report.files().stream()
                    .collect(Collectors.toMap(f -> f.entry().path(), FileResult::status));
            FileTable.print(out, report.files().stream().map(FileResult::entry).toList(), f -> f.path(),
                    f -> status.get(f.path()).name().toLowerCase(Locale.ROOT));
        }
        report.archiveSha256().ifPresent(sha -> out.printf("%nArchive sha256 %s%n", sha));
    }
}
