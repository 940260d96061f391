package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.common.BackgroundTask;
import io.stellaops.airlock.app.ui.common.TaskExecutor;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.trust.TrustPolicies;
import io.stellaops.airlock.bundle.trust.TrustPolicy;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The trust policy the verify flow checks signatures against: a folder of PEM files or a
 * trust.yaml, loaded by {@link TrustPolicies#load} as {@code --trust} is, and a threshold that
 * starts at the policy's own and may only be raised (as {@code --threshold}). No choice means
 * integrity only; a choice that does not load blocks verification rather than silently falling
 * back to integrity only.
 */
public final class TrustChoice {

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<Path> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<TrustPolicy> policy = new ReadOnlyObjectWrapper<>(this, "policy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final IntegerProperty threshold = new SimpleIntegerProperty(this, "threshold", 1);
    private long ticket;

    public TrustChoice(TaskExecutor executor) {
        this.executor = executor;
    }

    /** The folder or trust.yaml chooser writes here; the policy loads in the background. */
    public void choose(Path folderOrYaml) {
        long mine = ++ticket;
        source.set(folderOrYaml);
        policy.set(null);
        problem.set("");
        BackgroundTask.run(executor, listener -> TrustPolicies.load(folderOrYaml))
                .onSuccess(loaded -> {
                    if (mine == ticket) {
                        threshold.set(loaded.threshold());
                        policy.set(loaded);
                    }
                })
                .onError(BundleException.class, e -> failed(mine, e.getMessage()))
                .onError(Exception.class, e -> failed(mine, e.toString()));
    }

    private void failed(long mine, String reason) {
        if (mine == ticket) {
            problem.set(reason);
        }
    }

    /** Back to integrity only. */
    public void clear() {
        ticket++;
        source.set(null);
        policy.set(null);
        problem.set("");
    }

    /** What to verify with, read on the FX thread: no policy, or the policy at the chosen threshold. */
    public Selection selection() {
        return new Selection(Optional.ofNullable(policy.get()), threshold.get());
    }

    /** A snapshot of the choice, safe to hand to a background thread. */
    public record Selection(Optional<TrustPolicy> policy, int threshold) {

        /** The policy raised to the chosen threshold; {@link TrustPolicy#withThreshold} refuses lowering it. */
        public Optional<TrustPolicy> effective() throws BundleException {
            if (policy.isEmpty() || threshold == policy.get().threshold()) {
                return policy;
            }
            return Optional.of(policy.get().withThreshold(threshold));
        }
    }

    /** The highest threshold the policy can ever meet: its keys, or the envelope's cap when a CA may add signers. */
    public static int maxThreshold(TrustPolicy policy) {
        return policy.cas().isEmpty() ? policy.keys().size() : DsseEnvelope.MAX_SIGNATURES;
    }

    /** Verification may start: no policy chosen, or the chosen one loaded. */
    public BooleanBinding ready() {
        return source.isNull().or(policy.isNotNull());
    }

    public ReadOnlyObjectProperty<Path> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrustPolicy> policyProperty() {
        return policy.getReadOnlyProperty();
    }

    /** Why the chosen policy did not load, in the library's words; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The chosen threshold; the spinner keeps it between the policy's own and {@link #maxThreshold}. */
    public IntegerProperty thresholdProperty() {
        return threshold;
    }
}
