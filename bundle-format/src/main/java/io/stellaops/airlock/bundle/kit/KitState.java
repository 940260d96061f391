package io.stellaops.airlock.bundle.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kit's state: the active bundle, every bundle imported and still on disk, the highest
 * generation ever accepted (which only grows, so that rolling back never re-opens the door to an
 * old bundle), and the history of activations. Immutable; every change yields a new state that is
 * written atomically.
 *
 * @param active            the active bundle, if any
 * @param highestGeneration the highest generation accepted by a completed import (0 for none)
 * @param imported          every imported bundle, oldest first
 * @param history           every activation, oldest first
 */
public record KitState(Optional<KitEntry> active, long highestGeneration, List<KitEntry> imported, List<KitEvent> history) {
    public static final int FORMAT_VERSION = 1;
    public static final KitState EMPTY = new KitState(Optional.empty(), 0, List.of(), List.of());

    public KitState {
        imported = List.copyOf(imported);
        history = List.copyOf(history);
    }

    /** The state after a completed import that activates {@code entry}. */
    public KitState afterImport(KitEntry entry) {
        List<KitEntry> all = new ArrayList<>(imported);
        all.add(entry);
        List<KitEvent> events = new ArrayList<>(history);
        events.add(new KitEvent(entry.importedAt(), "imported", entry.generation(), entry.directory(), entry.forcedReason()));
        return new KitState(Optional.of(entry), Math.max(highestGeneration, entry.generation()), all, events);
    }

    /** The state after re-activating an earlier import; the highest generation stays as it was. */
    public KitState afterRollback(KitEntry entry, java.time.Instant at, Optional<String> reason) {
        List<KitEvent> events = new ArrayList<>(history);
        events.add(new KitEvent(at, "rolled-back", entry.generation(), entry.directory(), reason));
        return new KitState(Optional.of(entry), highestGeneration, imported, events);
    }

    public Optional<KitEntry> importedGeneration(long generation) {
        for (int i = imported.size() - 1; i >= 0; i--) {
            if (imported.get(i).generation() == generation) {
                return Optional.of(imported.get(i));
            }
        }
        return Optional.empty();
    }

    /** Folder names that the state refers to; anything else under bundles/ or archives/ is a leftover. */
    public java.util.Set<String> directories() {
        java.util.Set<String> names = new java.util.HashSet<>();
        imported.forEach(entry -> names.add(entry.directory()));
        return names;
    }
}
