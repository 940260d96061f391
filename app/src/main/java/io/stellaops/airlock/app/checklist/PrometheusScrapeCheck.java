package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.bundle.BundleException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;

/**
 * "Prometheus scrape succeeds": the collector's metrics endpoint answers over mTLS with the client
 * certificate (the runbook's {@code curl --cert client.crt --key client.key https://collector:9464})
 * in the Prometheus text format, and Prometheus itself reports every target of the collector's job
 * up ({@code GET /api/v1/targets}). Both endpoints must refuse a client without a certificate.
 */
final class PrometheusScrapeCheck implements Check {
    private final ChecklistConfig config;
    private final ProbeSource probes;
    private final Clock clock;

    PrometheusScrapeCheck(ChecklistConfig config, ProbeSource probes, Clock clock) {
        this.config = config;
        this.probes = probes;
        this.clock = clock;
    }

    @Override
    public String id() {
        return StandardChecklist.PROMETHEUS_SCRAPE;
    }

    @Override
    public String title() {
        return "Prometheus scrape succeeds";
    }

    @Override
    public CheckResult run(EvidenceLog evidence) throws InterruptedException {
        var endpoints = config.endpoints();
        if (endpoints.collectorMetrics().isEmpty() || endpoints.prometheus().isEmpty()) {
            return CheckResult.skipped("not configured: needs endpoints.collectorMetrics and endpoints.prometheus",
                    "Set both URLs in the config to run this check.");
        }
        HttpProbe probe;
        try {
            probe = probes.open();
        } catch (BundleException e) {
            return CheckResult.failed(FailureReason.LOCAL_FILE, e.getMessage(), FixHints.TLS_FILES);
        }
        Optional<BearerToken> token = Optional.empty();
        if (config.collectorToken().isPresent()) {
            try {
                token = Optional.of(BearerToken.read(config.collectorToken().get(), clock));
            } catch (ClusterException e) {
                evidence.add("read prometheus.tokenFile " + config.collectorToken().get(), "failed: " + e.getMessage());
                return CheckResult.failed(FailureReason.LOCAL_FILE, "prometheus.tokenFile: " + e.getMessage(),
                        "Point prometheus.tokenFile at the Authority token of the client observability-prometheus"
                                + " (scope obs:read, audience observability), as stored in the secret"
                                + " stellaops-prometheus-token; issue a new one when it has expired.");
            }
        }
        Findings findings = new Findings();
        collector(probe, endpoints.collectorMetrics().get(), token, evidence, findings);
        targets(probe, endpoints.prometheus().get(), evidence, findings);
        return findings.result();
    }

    private void collector(HttpProbe probe, URI metrics, Optional<BearerToken> token, EvidenceLog evidence,
            Findings findings) throws InterruptedException {
        try {
            // As Prometheus scrapes: the client certificate, and the Authority token when the config names one.
            ProbeResponse response = (token.isPresent() ? probe.getWithBearer(metrics, token.get(), evidence)
                    : probe.get(metrics, Map.of(), evidence)).expect(200);
            MetricsText.Summary summary = MetricsText.parse(response.text(), metrics.getPath());
            evidence.add("parse " + metrics, summary.samples() + " samples of " + summary.names() + " metrics");
            if (config.tls().requireClientCertificate()) {
                probe.requireClientCertificate(metrics, evidence);
            }
            findings.pass("the collector serves " + summary.samples() + " samples over mTLS"
                    + (token.isPresent() ? " with the Authority token" : ""));
        } catch (ProbeException e) {
            findings.fail(e, FixHints.forProbe(e, "the collector", "endpoints.collectorMetrics"));
        }
    }

    private void targets(HttpProbe probe, URI prometheus, EvidenceLog evidence, Findings findings)
            throws InterruptedException {
        String job = config.prometheusJob();
        URI uri = Urls.resolve(prometheus, "/api/v1/targets");
        try {
            JsonNode data = PrometheusApi.data(probe.get(uri, Map.of(), evidence).expect(200));
            Targets targets = Targets.of(PrometheusApi.array(data, "activeTargets", uri), job);
            evidence.add("find job " + job + " in " + uri, targets.count() + " target(s), "
                    + (targets.count() - targets.down().size()) + " up"
                    + (targets.down().isEmpty() ? "" : "; " + String.join("; ", targets.down())));
            if (targets.count() == 0) {
                findings.fail(FailureReason.UNEXPECTED, "Prometheus has no active target of job " + job,
                        "Load the additional scrape config (secret stellaops-prometheus-scrape, key"
                                + " prometheus-additional.yaml) and check prometheus.job in the config.");
            } else if (!targets.down().isEmpty()) {
                findings.fail(FailureReason.UNEXPECTED, "Prometheus cannot scrape job " + job + ": " + targets.down().get(0),
                        "Read lastError: a TLS error means Prometheus' scrape TLS material (tls_config) does not match the"
                                + " collector's; a connection error means the collector service or port is wrong.");
            } else {
                findings.pass("Prometheus reports " + targets.count() + " target(s) of job " + job + " up");
            }
            if (config.tls().requireClientCertificate()) {
                probe.requireClientCertificate(uri, evidence);
            }
        } catch (ProbeException e) {
            findings.fail(e, FixHints.forProbe(e, "Prometheus", "endpoints.prometheus"));
        }
    }

    /** The active targets of one job: how many, and a line for each that is not up. */
    private record Targets(int count, List<String> down) {
        static Targets of(JsonNode active, String job) {
            List<String> down = new ArrayList<>();
            int count = 0;
            for (JsonNode target : active) {
                if (!job.equals(target.path("labels").path("job").asText(target.path("scrapePool").asText("")))) {
                    continue;
                }
                count++;
                String health = target.path("health").asText("unknown");
                if (!"up".equals(health)) {
                    String error = target.path("lastError").asText("");
                    down.add(target.path("scrapeUrl").asText("?") + " is " + health
                            + (error.isEmpty() ? "" : " (" + Printable.excerpt(error) + ")"));
                }
            }
            return new Targets(count, down);
        }
    }
}
