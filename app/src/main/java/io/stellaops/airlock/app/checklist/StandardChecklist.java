package io.stellaops.airlock.app.checklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
        ProbeSource probes = ProbeSource.of(config);
        List<Check> checks = new ArrayList<>(List.of(
                new CertificatesCheck(config.tls(), clock),
                new PrometheusScrapeCheck(config, probes),
                new TenantActivityCheck(config, probes),
                new RetentionCheck(config, probes, clock),
                new AlertsCheck(config, probes)));
        config.operatorItems().forEach(item -> checks.add(new OperatorCheck(item, confirmations)));
        return new Checklist(checks, config.timeouts().check(), clock);
    }
}
