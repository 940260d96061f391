package io.stellaops.airlock.app.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an apply did, per object of the plan and in its order: the diff and the outcome. It exists
 * for failed applies too (inside the {@link ClusterException}), so the operator sees what was and
 * was not applied; running the same plan again completes it.
 *
 * @param target  the cluster, as {@link ClusterTarget#describe()}
 * @param dryRun  true for {@code --dry-run}: nothing was changed
 * @param results one per object of the plan
 * @param failure what went wrong, if anything
 */
public record ApplyReport(String target, boolean dryRun, List<ObjectResult> results, Optional<String> failure) {
    /** The outcome for one object. */
    public enum Outcome {
        /** Created or updated. */
        APPLIED,
        /** Already as planned; nothing was sent. */
        UNCHANGED,
        /** Dry run: the server accepted the write it would be. */
        CHECKED,
        /** Dry run: the namespace does not exist yet, so the server could not check this write. */
        UNCHECKED,
        /** Not sent: an earlier step failed or was refused. */
        NOT_APPLIED,
        /** The API refused or failed this write (or its dry run). */
        FAILED,
        /** Exists without Airlock's label; left alone (use --take-ownership). */
        REFUSED,
        /** A namespace that exists; used as it is. */
        LEFT_ALONE;

        /** The lowercase, hyphenated form used in JSON and text. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One object's diff and outcome; {@code detail} carries the (scrubbed) reason of a failure. */
    public record ObjectResult(ObjectDiff diff, Outcome outcome, Optional<String> detail) {
        public ObjectResult {
            Objects.requireNonNull(diff, "diff");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public ApplyReport {
        Objects.requireNonNull(target, "target");
        results = List.copyOf(results);
        Objects.requireNonNull(failure, "failure");
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    public long count(ObjectDiff.Action action) {
        return results.stream().filter(r -> r.diff().action() == action).count();
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** "1 created, 1 updated, 4 unchanged" (or "would create ..." for a dry run), from the diff. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        String would = dryRun ? "would be " : "";
        add(parts, count(ObjectDiff.Action.CREATE), would + "created");
        add(parts, count(ObjectDiff.Action.UPDATE) + count(ObjectDiff.Action.TAKE_OVER), would + "updated");
        add(parts, count(ObjectDiff.Action.UNCHANGED) + count(ObjectDiff.Action.EXISTS), "unchanged");
        add(parts, count(ObjectDiff.Action.FOREIGN), "not managed by airlock");
        return String.join(", ", parts);
    }

    /** The objects with the given outcome, as their ids. */
    public List<String> ids(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).map(r -> r.diff().object().id()).toList();
    }

    private static void add(List<String> parts, long count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }
}
