package io.stellaops.airlock.app.checklist;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.PortForwardable;
import io.stellaops.airlock.app.checklist.ChecklistConfig.ClusterAccess;
import io.stellaops.airlock.app.checklist.ChecklistConfig.Forward;
import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.ClusterTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the config's port-forwards through the Kubernetes API with fabric8, for one run of one
 * check: each forward listens on 127.0.0.1 on a free port and is closed with the {@link Session}, so
 * no forward outlives the check that needed it. The service or pod is looked up first, so that a
 * wrong name fails with "not found" rather than as a connection closed without an answer.
 */
final class PortForwards {
    private final Optional<ClusterAccess> access;
    private final Map<String, Forward> forwards;
    private final Map<String, String> env;
    private final Path home;

    PortForwards(ChecklistConfig config) {
        this(config, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    PortForwards(ChecklistConfig config, Map<String, String> env, Path home) {
        this.access = config.cluster();
        this.forwards = new LinkedHashMap<>();
        config.forwards().forEach(forwards::put);
        this.env = env;
        this.home = home;
    }

    boolean any() {
        return !forwards.isEmpty();
    }

    /**
     * Opens every forward of {@code endpointNames} that is configured as one.
     *
     * @throws ProbeException {@link FailureReason#UNREACHABLE} when the API, the service or the pod cannot be reached
     */
    Session open(List<String> endpointNames, EvidenceLog evidence) throws ProbeException {
        List<Forward> wanted = endpointNames.stream().filter(forwards::containsKey).map(forwards::get).distinct().toList();
        if (wanted.isEmpty()) {
            return new Session(null, List.of(), Map.of());
        }
        ClusterTarget target;
        try {
            target = ClusterTarget.resolve(access.orElseThrow().connection(), env, home);
        } catch (ClusterException e) {
            evidence.add("resolve the cluster for port-forwards", "failed: " + e.getMessage());
            throw new ProbeException(FailureReason.LOCAL_FILE, e.getMessage());
        }
        KubernetesClient client = target.connect();
        List<LocalPortForward> open = new ArrayList<>();
        Map<String, Route> routes = new LinkedHashMap<>();
        Session session = new Session(client, open, routes);
        try {
            for (Forward forward : wanted) {
                LocalPortForward local = forward(client, forward, target);
                open.add(local);
                Route route = new Route(local.getLocalPort(), forward.serverName(), forward.describe(), local);
                routes.put(forward.serverName().toLowerCase(Locale.ROOT) + ":" + forward.port(), route);
                evidence.add("port-forward " + forward.describe() + " through " + target.describe(),
                        "listening on 127.0.0.1:" + local.getLocalPort() + " for " + forward.serverName() + ":" + forward.port());
            }
            return session;
        } catch (ProbeException e) {
            session.close();
            evidence.add("port-forward through " + target.describe(), "failed: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            session.close();
            String message = "cannot open a port-forward through " + target.describe() + ": " + ApiMessages.of(e);
            evidence.add("port-forward through " + target.describe(), "failed: " + message);
            throw new ProbeException(FailureReason.UNREACHABLE, message);
        }
    }

    private static LocalPortForward forward(KubernetesClient client, Forward forward, ClusterTarget target)
            throws ProbeException {
        Resource<?> resource = "pod".equals(forward.kind())
                ? client.pods().inNamespace(forward.namespace()).withName(forward.name())
                : client.services().inNamespace(forward.namespace()).withName(forward.name());
        Object found;
        try {
            found = resource.get();
        } catch (KubernetesClientException e) {
            throw new ProbeException(FailureReason.UNREACHABLE, "cannot ask " + target.describe() + " for "
                    + forward.kind() + "/" + forward.name() + ": " + ApiMessages.of(e));
        }
        if (found == null) {
            throw new ProbeException(FailureReason.UNREACHABLE, forward.kind() + "/" + forward.name()
                    + " does not exist in namespace " + forward.namespace() + " of " + target.describe());
        }
        try {
            return ((PortForwardable) resource).portForward(forward.port(), InetAddress.getLoopbackAddress(), 0);
        } catch (KubernetesClientException e) {
            throw new ProbeException(FailureReason.UNREACHABLE, "cannot port-forward to " + forward.describe() + ": "
                    + ApiMessages.of(e));
        }
    }

    /** One open forward: where it listens and what it reaches. */
    record Route(int localPort, String serverName, String describe, LocalPortForward handle) {
        /** {@code uri} with its authority replaced by the forward's local end. */
        URI local(URI uri) {
            try {
                return new URI("https", null, "127.0.0.1", localPort, uri.getRawPath() == null ? "" : uri.getPath(),
                        uri.getQuery(), null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("a valid URL with another authority is valid", e);
            }
        }

        /** What the forward itself reported failing, if anything: the API's refusal, the pod's closed port. */
        Optional<String> problem() {
            if (!handle.errorOccurred()) {
                return Optional.empty();
            }
            List<Throwable> all = new ArrayList<>(handle.getServerThrowables());
            all.addAll(handle.getClientThrowables());
            return Optional.of(all.isEmpty() ? "the forward reported an error" : ApiMessages.of(all.get(0)));
        }
    }

    /** The forwards of one check run; closing it closes them all and the client. */
    static final class Session implements AutoCloseable {
        private final KubernetesClient client;
        private final List<LocalPortForward> forwards;
        private final Map<String, Route> routes;

        Session(KubernetesClient client, List<LocalPortForward> forwards, Map<String, Route> routes) {
            this.client = client;
            this.forwards = forwards;
            this.routes = routes;
        }

        /** Per logical authority ({@code loki.observability.svc:3100}), its route. */
        Map<String, Route> routes() {
            return Map.copyOf(routes);
        }

        @Override
        public void close() {
            for (LocalPortForward forward : forwards) {
                try {
                    forward.close();
                } catch (IOException | RuntimeException e) {
                    // Closing the others and the client matters more than this one's complaint.
                }
            }
            if (client != null) {
                client.close();
            }
        }
    }
}
