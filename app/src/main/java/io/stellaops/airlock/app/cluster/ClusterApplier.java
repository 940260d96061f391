package io.stellaops.airlock.app.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NamespaceableResource;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.stellaops.airlock.app.cluster.ApplyReport.Outcome;
import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Brings the cluster to the plan, in four steps, and stops at the first failure:
 * <ol>
 * <li><b>Read</b> every object of the plan and diff it (digests only). Nothing is written.</li>
 * <li><b>Refuse</b> if an object exists without {@code app.kubernetes.io/managed-by: airlock} and the
 * operator did not ask to take ownership: nothing is written.</li>
 * <li><b>Server dry run</b> of every write (server-side apply with {@code dryRun=All}): admission,
 * RBAC, quota and validation are checked before anything changes. A namespace that does not exist
 * yet cannot hold a dry-run object, so the objects inside it are dry-run right after it is created.</li>
 * <li><b>Apply</b> with server-side apply, field manager {@value #FIELD_MANAGER}, forcing conflicts
 * (Airlock owns these fields). An existing namespace is never modified.</li>
 * </ol>
 * Every call is idempotent, so running the same plan again after a failure completes it.
 */
public final class ClusterApplier {
    public static final String FIELD_MANAGER = "airlock";

    private final KubernetesClient client;
    private final String target;
    private final String server;
    private final Duration timeout;

    /** An applier over {@code client}; {@code target} and {@code server} only name the cluster in reports and messages. */
    public ClusterApplier(KubernetesClient client, String target, String server, Duration timeout) {
        this.client = client;
        this.target = target;
        this.server = server;
        this.timeout = timeout;
    }

    /** The applier for a resolved target; the client stays the caller's to close. */
    public static ClusterApplier of(KubernetesClient client, ClusterTarget target, ConnectionOptions options) {
        return new ClusterApplier(client, target.describe(), target.server(), options.timeout());
    }

    /** Reads the live objects and diffs them against the plan; sends no write. */
    public List<ObjectDiff> diff(ClusterPlan plan, boolean takeOwnership) throws ClusterException {
        Redactor redactor = plan.redactor();
        List<ObjectDiff> diffs = new ArrayList<>();
        for (DesiredObject object : plan.objects()) {
            try {
                diffs.add(ObjectDiff.between(object, Fabric8Objects.read(client, object), takeOwnership));
            } catch (RuntimeException e) {
                throw new ClusterException(Reason.CLUSTER, "cannot read " + object.id() + " from " + target + ": "
                        + ApiFailures.describe(e, redactor, server, timeout) + "; nothing was applied");
            }
        }
        return diffs;
    }

    /** Applies the plan (or dry-runs it); on any failure throws with the report of what was and was not applied. */
    public ApplyReport apply(ClusterPlan plan, ApplyOptions options) throws ClusterException {
        List<ObjectDiff> diffs = diff(plan, options.takeOwnership());
        Run run = new Run(diffs, options.dryRun(), plan.redactor());
        List<String> foreign = diffs.stream().filter(d -> d.action() == ObjectDiff.Action.FOREIGN)
                .map(d -> d.object().id()).toList();
        if (!foreign.isEmpty()) {
            diffs.forEach(d -> run.mark(d, d.action() == ObjectDiff.Action.FOREIGN ? Outcome.REFUSED : run.outcome(d), null));
            throw run.fail(String.join(", ", foreign) + (foreign.size() == 1 ? " exists" : " exist")
                    + " but not labelled " + ClusterPlan.MANAGED_BY_LABEL + "=" + ClusterPlan.MANAGER + "; nothing was"
                    + " applied. Check that Airlock should manage it, then run again with --take-ownership", null);
        }
        boolean namespaceMissing = diffs.get(0).object().kind() == ObjectKind.NAMESPACE
                && diffs.get(0).action() == ObjectDiff.Action.CREATE;
        List<ObjectDiff> writes = diffs.stream().filter(d -> d.action().writes()).toList();
        List<ObjectDiff> deferred = writes.stream().filter(d -> namespaceMissing && d.object().namespaced()).toList();
        for (ObjectDiff diff : writes) {
            if (!deferred.contains(diff)) {
                run.dryRun(diff);
            }
        }
        if (options.dryRun()) {
            deferred.forEach(d -> run.mark(d, Outcome.UNCHECKED, "namespace " + plan.namespace()
                    + " does not exist yet; the server checks this write after creating it"));
            return run.report(null);
        }
        for (ObjectDiff diff : writes) {
            if (!diff.object().namespaced()) {
                run.apply(diff);
            }
        }
        for (ObjectDiff diff : deferred) {
            run.dryRun(diff);
        }
        for (ObjectDiff diff : writes) {
            if (diff.object().namespaced()) {
                run.apply(diff);
            }
        }
        return run.report(null);
    }

    private HasMetadata send(DesiredObject object, boolean dryRun) {
        NamespaceableResource<HasMetadata> resource = client.resource(Fabric8Objects.toResource(object));
        NonDeletingOperation<HasMetadata> operation = dryRun ? resource.dryRun() : resource;
        return operation.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    /** The state of one apply: an outcome per object, filled in as the steps go. */
    private final class Run {
        private final List<ObjectDiff> diffs;
        private final boolean dryRun;
        private final Redactor redactor;
        private final Outcome[] outcomes;
        private final String[] details;

        Run(List<ObjectDiff> diffs, boolean dryRun, Redactor redactor) {
            this.diffs = diffs;
            this.dryRun = dryRun;
            this.redactor = redactor;
            this.outcomes = new Outcome[diffs.size()];
            this.details = new String[diffs.size()];
            diffs.forEach(d -> mark(d, outcome(d), null));
        }

        Outcome outcome(ObjectDiff diff) {
            return switch (diff.action()) {
                case UNCHANGED -> Outcome.UNCHANGED;
                case EXISTS -> Outcome.LEFT_ALONE;
                default -> Outcome.NOT_APPLIED;
            };
        }

        void mark(ObjectDiff diff, Outcome outcome, String detail) {
            int index = diffs.indexOf(diff);
            outcomes[index] = outcome;
            details[index] = detail;
        }

        void dryRun(ObjectDiff diff) throws ClusterException {
            try {
                send(diff.object(), true);
                if (dryRun) {
                    mark(diff, Outcome.CHECKED, null);
                }
            } catch (RuntimeException e) {
                String why = ApiFailures.describe(e, redactor, server, timeout);
                mark(diff, Outcome.FAILED, "server dry run: " + why);
                throw fail("the server dry run of " + diff.object().id() + " failed: " + why + "; " + progress(), e);
            }
        }

        void apply(ObjectDiff diff) throws ClusterException {
            try {
                send(diff.object(), false);
                mark(diff, Outcome.APPLIED, null);
            } catch (RuntimeException e) {
                String why = ApiFailures.describe(e, redactor, server, timeout);
                mark(diff, Outcome.FAILED, why);
                throw fail("applying " + diff.object().id() + " failed: " + why + "; " + progress(), e);
            }
        }

        private String progress() {
            long applied = Arrays.stream(outcomes).filter(o -> o == Outcome.APPLIED).count();
            return applied == 0 ? "nothing was applied" : applied + " object(s) applied, the rest not; run the same"
                    + " command again to complete the plan";
        }

        ClusterException fail(String message, Throwable cause) {
            // The cause stays out of the message: fabric8's text can quote a whole response.
            return new ClusterException(Reason.CLUSTER, message, report(message), cause == null ? null
                    : new ClusterException(Reason.CLUSTER, cause.getClass().getName()));
        }

        ApplyReport report(String failure) {
            List<ApplyReport.ObjectResult> results = new ArrayList<>();
            for (int i = 0; i < diffs.size(); i++) {
                results.add(new ApplyReport.ObjectResult(diffs.get(i), outcomes[i], Optional.ofNullable(details[i])));
            }
            return new ApplyReport(target, dryRun, results, Optional.ofNullable(failure));
        }
    }
}
