package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.checklist.CheckOutcome;
import io.stellaops.airlock.app.checklist.CheckState;
import io.stellaops.airlock.app.checklist.ChecklistReport;
import io.stellaops.airlock.app.checklist.ChecklistReportWriter;
import io.stellaops.airlock.bundle.keys.SigningKey;
import java.io.PrintWriter;
import java.util.Optional;

/** The text output of {@code checklist run}: one line per check as it ends, its fix when it failed, a summary. */
final class ChecklistText {
    private ChecklistText() {
    }

    static void print(PrintWriter out, CheckOutcome outcome) {
        String state = outcome.state().id() + outcome.reason().map(r -> ": " + r.id()).orElse("");
        out.printf("  [%s] %s: %s%n", state, outcome.id(), outcome.summary());
        if (outcome.state() == CheckState.FAILED || outcome.state() == CheckState.NEEDS_OPERATOR) {
            out.printf("      fix: %s%n", outcome.fixHint());
        }
        out.flush();
    }

    static void summary(PrintWriter out, ChecklistReport report, Optional<ChecklistReportWriter.Files> files,
            Optional<SigningKey> key) {
        out.printf("Result: %s (%d passed, %d failed, %d need an operator, %d skipped)%n", report.verdict().id(),
                report.count(CheckState.PASSED), report.count(CheckState.FAILED), report.count(CheckState.NEEDS_OPERATOR),
                report.count(CheckState.SKIPPED));
        files.ifPresent(f -> out.printf("Report: %s, %s, %s (%s)%n", f.json(), f.html(), f.envelope(),
                key.map(k -> "signed, keyid " + k.keyId()).orElse("unsigned")));
        out.flush();
    }
}
