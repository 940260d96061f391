package io.stellaops.airlock.app.checklist;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a check with the port-forwards of the endpoints it asks open, and closes them when it ends
 * (passed, failed, timed out or interrupted). A forward that cannot be opened fails the check with
 * its reason; the check itself then does not run. Checks without forwarded endpoints run as they are.
 */
final class ForwardedCheck implements Check {
    private final Check check;
    private final List<String> endpoints;
    private final PortForwards forwards;
    private final AtomicReference<Map<String, PortForwards.Route>> routes;

    /**
     * @param endpoints the endpoint names the check asks ({@code loki}, {@code tempo}, ...)
     * @param routes    where the open forwards are published for the check's {@link HttpProbe}
     */
    ForwardedCheck(Check check, List<String> endpoints, PortForwards forwards,
            AtomicReference<Map<String, PortForwards.Route>> routes) {
        this.check = check;
        this.endpoints = List.copyOf(endpoints);
        this.forwards = forwards;
        this.routes = routes;
    }

    @Override
    public String id() {
        return check.id();
    }

    @Override
    public String title() {
        return check.title();
    }

    @Override
    public CheckResult run(EvidenceLog evidence) throws InterruptedException {
        try (PortForwards.Session session = forwards.open(endpoints, evidence)) {
            routes.set(session.routes());
            try {
                return check.run(evidence);
            } finally {
                routes.set(Map.of());
            }
        } catch (ProbeException e) {
            return CheckResult.failed(e.reason(), e.getMessage(), "Check cluster.kubeconfig and cluster.context (or"
                    + " --kubeconfig, --context), that the API server is reachable from this machine, that the service or"
                    + " pod and port of the endpoint exist, and that the user may create pods/portforward in its namespace.");
        }
    }
}
