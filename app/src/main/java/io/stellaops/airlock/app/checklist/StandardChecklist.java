package io.stellaops.airlock.app.checklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checklist of the runbook's section 6, built from a config: certificates, Prometheus scrape,
 * tenant activity, retention, alerts, then the operator items, in that order. The CLI and the
 * wizard both start here.
 */
public final class StandardChecklist {
    public static final String CERTIFICATES = "certificates";
    public static final String PROMETHEUS_SCRAPE = "prometheus-scrape";
    public static final String TENANT_ACTIVITY = "tenant-activity";
    public static final String RETENTION = "retention";
    public static final String ALERTS = "alerts";
    /** The automated checks' ids, which operator items may not reuse. */
    public static final List<String> BUILT_IN_IDS = List.of(CERTIFICATES, PROMETHEUS_SCRAPE, TENANT_ACTIVITY, RETENTION,
            ALERTS);

    private StandardChecklist() {
    }

    /**
     * @param confirmations the operators' confirmations, which the operator items read on every run
     */
    public static Checklist create(ChecklistConfig config, Confirmations confirmations, Clock clock) {
        AtomicReference<Map<String, PortForwards.Route>> routes = new AtomicReference<>(Map.of());
        ProbeSource probes = ProbeSource.of(config, routes);
        PortForwards forwards = new PortForwards(config);
        List<Check> checks = new ArrayList<>(List.of(
                new CertificatesCheck(config.tls(), config.cluster(), clock),
                forwarded(new PrometheusScrapeCheck(config, probes, clock), List.of("collectorMetrics", "prometheus"),
                        forwards, routes),
                forwarded(new TenantActivityCheck(config, probes), List.of("loki", "tempo"), forwards, routes),
                forwarded(new RetentionCheck(config, probes, clock), List.of("loki"), forwards, routes),
                forwarded(new AlertsCheck(config, probes), List.of("prometheus"), forwards, routes)));
        config.operatorItems().forEach(item -> checks.add(new OperatorCheck(item, confirmations)));
        return new Checklist(checks, config.timeouts().check(), clock);
    }

    private static Check forwarded(Check check, List<String> endpoints, PortForwards forwards,
            AtomicReference<Map<String, PortForwards.Route>> routes) {
        return forwards.any() ? new ForwardedCheck(check, endpoints, forwards, routes) : check;
    }
}
