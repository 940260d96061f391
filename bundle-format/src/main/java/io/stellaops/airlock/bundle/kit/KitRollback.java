package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Re-activates an earlier imported generation, atomically (state first, then {@code current} and the
 * active archive), under the kit lock and after recovery. The highest generation seen does not
 * change: rolling back never makes an old bundle importable again.
 */
public final class KitRollback {
    private final KitLayout layout;
    private final Clock clock;
    private final ReceiptSettings receipts;

    public KitRollback(KitLayout layout, Clock clock) {
        this(layout, clock, ReceiptSettings.unsigned());
    }

    public KitRollback(KitLayout layout, Clock clock, ReceiptSettings receipts) {
        this.layout = layout;
        this.clock = clock;
        this.receipts = receipts;
    }

    /**
     * @param toGeneration the generation to activate; empty for the one active before the current one
     * @param reason       the operator's reason, recorded in the history
     * @return the entry now active
     */
    public KitEntry rollback(OptionalLong toGeneration, Optional<String> reason) throws BundleException {
        KitPreflight.requireKitFolder(layout);
        if (!Files.isDirectory(layout.stateDir())) {
            throw new BundleException(Failure.UNREADABLE, "kit " + layout.root() + " has no imported bundle to roll back to");
        }
        try (KitLock lock = KitLock.acquire(layout, "kit rollback")) {
            KitStateStore store = new KitStateStore(layout);
            KitState state = store.read();
            KitRecovery.recover(layout, state);
            KitEntry active = state.active().orElseThrow(() ->
                    new BundleException(Failure.UNREADABLE, "kit " + layout.root() + " has no active bundle"));
            KitEntry target = toGeneration.isPresent()
                    ? state.importedGeneration(toGeneration.getAsLong()).orElseThrow(() -> new BundleException(Failure.USAGE,
                            "generation " + toGeneration.getAsLong() + " was never imported into this kit; see 'airlock kit status'"))
                    : previous(state, active);
            if (target.directory().equals(active.directory())) {
                throw new BundleException(Failure.USAGE, KitActivation.describe(target) + " is already active");
            }
            store.write(state.afterRollback(target, clock.instant(), reason));
            KitActivation.activate(layout, target);
            Receipts.write(layout, receipts, new Receipts.Decision("rolled-back", Optional.of(target), Optional.empty(),
                    Optional.empty(), reason), clock.instant());
            return target;
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot roll back the kit at " + layout.root() + ": "
                    + AtomicFiles.describe(e) + "; run the command again to complete it", e);
        }
    }

    /** The bundle that was active before the current one, by the history. */
    private static KitEntry previous(KitState state, KitEntry active) throws BundleException {
        List<KitEvent> history = state.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            KitEvent event = history.get(i);
            if (!event.directory().equals(active.directory())) {
                return state.imported().stream().filter(e -> e.directory().equals(event.directory())).findFirst()
                        .orElseThrow(() -> new BundleException(Failure.UNREADABLE, "the kit state lists " + event.directory()
                                + " in its history but not among its bundles"));
            }
        }
        throw new BundleException(Failure.USAGE, "no earlier bundle to roll back to: only "
                + KitActivation.describe(active) + " was ever active");
    }
}
