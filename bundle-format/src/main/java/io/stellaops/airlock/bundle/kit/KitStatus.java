package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a kit holds, read without taking its lock or changing anything: the state, how many bundles
 * sit in quarantine, and how stale the active bundle is.
 *
 * @param state        the recorded state
 * @param quarantined  refused bundles kept in quarantine
 * @param checkedAt    when this status was read
 * @param consistent   whether {@code current} and the active archive agree with the state (false after an interrupted operation, until the next one recovers it)
 * @param receipts     receipts in the kit
 * @param receiptChainProblem where the receipts' hash chain is broken, if it is
 */
public record KitStatus(KitState state, int quarantined, Instant checkedAt, boolean consistent, int receipts,
        Optional<String> receiptChainProblem) {

    public static KitStatus read(KitLayout layout, Clock clock) throws BundleException {
        KitPreflight.requireKitFolderExists(layout);
        KitState state = new KitStateStore(layout).read();
        try {
            boolean consistent = state.active().isEmpty() || KitActivation.isActive(layout, state.active().get());
            int receipts = Receipts.count(layout);
            Optional<String> chainProblem = Optional.empty();
            try {
                Receipts.verifyChain(layout, io.stellaops.airlock.bundle.Limits.DEFAULT);
            } catch (BundleException e) {
                chainProblem = Optional.of(e.getMessage());
            }
            return new KitStatus(state, Quarantine.count(layout), clock.instant(), consistent, receipts, chainProblem);
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot read the kit at " + layout.root() + ": "
                    + AtomicFiles.describe(e), e);
        }
    }

    /** How long ago the active bundle was created; empty without one. */
    public Optional<Duration> activeAge() {
        return state.active().map(a -> Duration.between(a.createdAt(), checkedAt));
    }

    public boolean activeExpired() {
        return state.active().map(a -> !checkedAt.isBefore(a.expiresAt())).orElse(false);
    }
}
