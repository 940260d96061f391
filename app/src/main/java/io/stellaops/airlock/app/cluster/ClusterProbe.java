package io.stellaops.airlock.app.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A connection test before any plan: resolves the target as an apply would and reads the target
 * namespace, the first thing an apply reads. It needs the same permission and fails the same way
 * (unreachable, timed out, credentials refused), with the same one-line reasons; it writes nothing.
 */
public final class ClusterProbe {

    /** What the probe found: the target as {@link ClusterTarget#describe()}, and whether the namespace exists. */
    public record Result(String target, String namespace, boolean namespaceExists) {
    }

    private ClusterProbe() {
    }

    /** Reads namespace {@code namespace} of the cluster {@code options} lead to. */
    public static Result probe(ConnectionOptions options, String namespace, Map<String, String> env, Path home)
            throws ClusterException {
        ObjectNames.checkNamespace(namespace);
        ClusterTarget target = ClusterTarget.resolve(options, env, home);
        try (KubernetesClient client = target.connect()) {
            Namespace found = client.namespaces().withName(namespace).get();
            return new Result(target.describe(), namespace, found != null);
        } catch (RuntimeException e) {
            throw new ClusterException(Reason.CLUSTER, "cannot read namespace " + namespace + " from " + target.describe()
                    + ": " + ApiFailures.describe(e, new Redactor(List.of()), target.server(), options.timeout()));
        }
    }
}
