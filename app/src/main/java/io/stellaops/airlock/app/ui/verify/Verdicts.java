package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.common.UiStrings;
import io.stellaops.airlock.app.ui.controls.VerdictStatus;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.verify.CheckResult;
import io.stellaops.airlock.bundle.verify.CheckStatus;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Reads the three verdict lines off a report, line for line as {@code airlock bundle verify}
 * prints them: <b>Signed by</b> is the signature step's own detail, <b>Contents</b> counts the
 * matched files or gives the failure, <b>Verified</b> is yes (noting when no signature was
 * checked) or NO with the library's reason. Library details stay in the library's words.
 */
public final class Verdicts {

    /** One line: how it reads at a glance and what it says. */
    public record Verdict(VerdictStatus status, String text) {
    }

    private final ResourceBundle resources;

    public Verdicts(ResourceBundle resources) {
        this.resources = resources;
    }

    /** While running: every line pending. */
    public Verdict pending() {
        return new Verdict(VerdictStatus.PENDING, resources.getString("verify.result.checking"));
    }

    public Verdict signedBy(VerificationReport report) {
        return report.check("signature").map(this::ofCheck).orElseGet(this::notReached);
    }

    public Verdict contents(VerificationReport report) {
        Optional<CheckResult> contents = report.check("contents");
        if (contents.isPresent() && contents.get().status() == CheckStatus.PASSED) {
            return new Verdict(VerdictStatus.PASSED,
                    UiStrings.format(resources, "verify.result.contents.matched", report.files().size()));
        }
        return contents.map(this::ofCheck).orElseGet(this::notReached);
    }

    public Verdict verified(VerificationReport report) {
        if (!report.verified()) {
            return new Verdict(VerdictStatus.FAILED,
                    UiStrings.format(resources, "verify.result.verified.no", report.failure().orElse("")));
        }
        boolean unsigned = report.check("signature").map(c -> c.status() == CheckStatus.SKIPPED).orElse(false);
        return new Verdict(VerdictStatus.PASSED,
                resources.getString(unsigned ? "verify.result.verified.yesIntegrityOnly" : "verify.result.verified.yes"));
    }

    /** An unexpected error (not a refusal), as the CLI words it. */
    public Verdict error(Exception e) {
        String reason = e instanceof BundleException ? e.getMessage() : e.toString();
        return new Verdict(VerdictStatus.FAILED, UiStrings.format(resources, "verify.result.verified.no",
                UiStrings.format(resources, "verify.result.unexpected", reason)));
    }

    public Verdict notReached() {
        return new Verdict(VerdictStatus.NOT_REACHED, resources.getString("verify.result.notReached"));
    }

    private Verdict ofCheck(CheckResult check) {
        VerdictStatus status = switch (check.status()) {
            case PASSED -> VerdictStatus.PASSED;
            case SKIPPED -> VerdictStatus.SKIPPED;
            case FAILED -> VerdictStatus.FAILED;
            case NOT_REACHED -> VerdictStatus.NOT_REACHED;
        };
        return new Verdict(status, check.detail());
    }

    /** A file's status in the table, in the window's language. */
    public String fileStatus(CheckStatus status) {
        return switch (status) {
            case PASSED -> resources.getString("verify.result.file.passed");
            case FAILED -> resources.getString("verify.result.file.failed");
            case SKIPPED -> resources.getString("verify.result.file.skipped");
            case NOT_REACHED -> resources.getString("verify.result.file.notReached");
        };
    }
}
