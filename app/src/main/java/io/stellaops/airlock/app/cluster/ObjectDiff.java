package io.stellaops.airlock.app.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The difference between one planned object and the cluster: what Airlock would do, per key the
 * change by digest, and the changes of Airlock's own labels and annotations (never a value).
 *
 * @param object   the planned object
 * @param action   what applying would do
 * @param keys     per key: added, changed, unchanged, kept
 * @param metadata changes of Airlock's labels and annotations and of the Secret type, one line each
 */
public record ObjectDiff(DesiredObject object, Action action, List<KeyChange> keys, List<String> metadata) {
    /** What applying the plan does to an object. */
    public enum Action {
        /** Missing: created. */
        CREATE,
        /** Managed by Airlock and different: updated. */
        UPDATE,
        /** Managed by Airlock and the same: nothing is sent. */
        UNCHANGED,
        /** Exists without Airlock's label: refused unless the operator takes ownership. */
        FOREIGN,
        /** Exists without Airlock's label and the operator takes ownership: updated and labelled. */
        TAKE_OVER,
        /** A namespace that exists: used as it is, never modified. */
        EXISTS;

        /** True when applying sends a write for it. */
        public boolean writes() {
            return this == CREATE || this == UPDATE || this == TAKE_OVER;
        }
    }

    public ObjectDiff {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(action, "action");
        keys = List.copyOf(keys);
        metadata = List.copyOf(metadata);
    }

    /** Compares {@code desired} with what the cluster has ({@code live}, empty when the object is missing). */
    public static ObjectDiff between(DesiredObject desired, Optional<LiveObject> live, boolean takeOwnership) {
        if (live.isEmpty()) {
            List<KeyChange> keys = new ArrayList<>();
            desired.data().forEach((k, v) -> keys.add(new KeyChange(k, KeyChange.Change.ADDED, Optional.empty(),
                    Optional.of(v.sha256()))));
            return new ObjectDiff(desired, Action.CREATE, keys, List.of());
        }
        if (desired.kind() == ObjectKind.NAMESPACE) {
            return new ObjectDiff(desired, Action.EXISTS, List.of(), List.of());
        }
        LiveObject current = live.get();
        List<KeyChange> keys = keys(desired, current);
        List<String> metadata = metadata(desired, current);
        boolean same = metadata.isEmpty() && keys.stream().allMatch(k -> k.change() == KeyChange.Change.UNCHANGED
                || k.change() == KeyChange.Change.KEPT);
        Action action = !current.managedByAirlock() ? (takeOwnership ? Action.TAKE_OVER : Action.FOREIGN)
                : same ? Action.UNCHANGED : Action.UPDATE;
        return new ObjectDiff(desired, action, keys, metadata);
    }

    private static List<KeyChange> keys(DesiredObject desired, LiveObject live) {
        TreeSet<String> all = new TreeSet<>(desired.data().keySet());
        all.addAll(live.digests().keySet());
        List<KeyChange> keys = new ArrayList<>();
        for (String key : all) {
            Optional<String> want = Optional.ofNullable(desired.data().get(key)).map(DataValue::sha256);
            Optional<String> have = Optional.ofNullable(live.digests().get(key));
            KeyChange.Change change = want.isEmpty() ? KeyChange.Change.KEPT : have.isEmpty() ? KeyChange.Change.ADDED
                    : have.equals(want) ? KeyChange.Change.UNCHANGED : KeyChange.Change.CHANGED;
            keys.add(new KeyChange(key, change, have, want));
        }
        return keys;
    }

    private static List<String> metadata(DesiredObject desired, LiveObject live) {
        List<String> changes = new ArrayList<>();
        compare(changes, "label", desired.labels(), live.labels());
        compare(changes, "annotation", desired.annotations(), live.annotations());
        if (desired.kind() == ObjectKind.SECRET && !DesiredObject.SECRET_TYPE.equals(live.type().orElse(DesiredObject.SECRET_TYPE))) {
            changes.add("type " + live.type().orElse("") + " -> " + DesiredObject.SECRET_TYPE
                    + " (the API refuses to change a Secret's type: delete the Secret first)");
        }
        return changes;
    }

    private static void compare(List<String> changes, String what, Map<String, String> desired, Map<String, String> live) {
        desired.forEach((key, value) -> {
            String current = live.get(key);
            if (!value.equals(current)) {
                changes.add(what + " " + key + ": " + (current == null ? "(none)" : current) + " -> " + value);
            }
        });
    }

    /** The number of keys with the given change. */
    public long count(KeyChange.Change change) {
        return keys.stream().filter(k -> k.change() == change).count();
    }
}
