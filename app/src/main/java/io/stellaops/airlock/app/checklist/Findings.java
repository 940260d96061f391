package io.stellaops.airlock.app.checklist;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a check found, part by part: a check goes on after a failed part (so the
 * evidence is complete), and ends failed with the first failure's reason and fix, or passed with
 * every part's line.
 */
final class Findings {
    private record Problem(FailureReason reason, String message, String hint) {
    }

    private final List<String> passed = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    void pass(String line) {
        passed.add(line);
    }

    void fail(FailureReason reason, String message, String hint) {
        problems.add(new Problem(reason, message, hint));
    }

    void fail(ProbeException e, String hint) {
        fail(e.reason(), e.getMessage(), hint);
    }

    boolean failed() {
        return !problems.isEmpty();
    }

    CheckResult result() {
        if (problems.isEmpty()) {
            return CheckResult.passed(String.join("; ", passed));
        }
        Problem first = problems.get(0);
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more problem"
                + (problems.size() == 2 ? "" : "s") + ": " + String.join("; ", problems.subList(1, problems.size()).stream()
                .map(Problem::message).toList()) + ")";
        return CheckResult.failed(first.reason(), first.message() + more, first.hint());
    }
}
