package io.stellaops.airlock.app.ui.bootstrap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.stellaops.airlock.app.cluster.ApplyOptions;
import io.stellaops.airlock.app.cluster.ApplyReport;
import io.stellaops.airlock.app.cluster.ClusterApplier;
import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.ClusterPlan;
import io.stellaops.airlock.app.cluster.ClusterPlanner;
import io.stellaops.airlock.app.cluster.ClusterProbe;
import io.stellaops.airlock.app.cluster.ClusterTarget;
import io.stellaops.airlock.app.cluster.KubeconfigContexts;
import io.stellaops.airlock.app.cluster.ObjectDiff;
import io.stellaops.airlock.app.cluster.PlanExporter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The cluster steps' calls into the app's cluster service, made as {@code airlock cluster plan},
 * {@code apply} and {@code export} make them: every call plans afresh from the files and closes
 * the plan, which wipes its Secret values, before it returns; what comes back holds digests only.
 */
public final class ClusterService {

    /** The plan compared with the cluster: where it came from and, per object, what applying would do. */
    public record Comparison(String source, String token, String target, List<ObjectDiff> diffs) {
    }

    private final Clock clock;
    private final Map<String, String> env;
    private final Path home;

    /** {@code env} and {@code home} are the process's, used only if no kubeconfig were given. */
    public ClusterService(Clock clock, Map<String, String> env, Path home) {
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.home = home;
    }

    public KubeconfigContexts contexts(Path kubeconfig) throws ClusterException {
        return KubeconfigContexts.read(kubeconfig);
    }

    public ClusterProbe.Result probe(Path kubeconfig, String context, String namespace) throws ClusterException {
        return ClusterProbe.probe(ClusterInputs.connection(kubeconfig, context), namespace, env, home);
    }

    /** Plans and reads the live objects (no write). */
    public Comparison compare(ClusterInputs inputs, boolean takeOwnership) throws ClusterException {
        try (ClusterPlan plan = new ClusterPlanner().plan(inputs.request(clock))) {
            ClusterTarget target = ClusterTarget.resolve(inputs.connection(), env, home);
            try (KubernetesClient client = target.connect()) {
                List<ObjectDiff> diffs = ClusterApplier.of(client, target, inputs.connection()).diff(plan, takeOwnership);
                return new Comparison(plan.source().description(), plan.token().describe(), target.describe(), diffs);
            }
        }
    }

    /** Dry-runs or applies; a failure's {@link ClusterException#report()} says what was and was not applied. */
    public ApplyReport apply(ClusterInputs inputs, ApplyOptions options) throws ClusterException {
        try (ClusterPlan plan = new ClusterPlanner().plan(inputs.request(clock))) {
            ClusterTarget target = ClusterTarget.resolve(inputs.connection(), env, home);
            try (KubernetesClient client = target.connect()) {
                return ClusterApplier.of(client, target, inputs.connection()).apply(plan, options);
            }
        }
    }

    /** Writes the plan as YAML, owner-only, replacing {@code out} (the file dialog asked already). */
    public Path export(ClusterInputs inputs, Path out, boolean secrets) throws ClusterException {
        try (ClusterPlan plan = new ClusterPlanner().plan(inputs.request(clock))) {
            new PlanExporter().write(plan, out, true, secrets);
            return out;
        }
    }
}
