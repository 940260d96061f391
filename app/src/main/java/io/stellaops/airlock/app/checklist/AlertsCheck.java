package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.bundle.BundleException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Alerts wired": every alert the bundle's rules file defines is loaded in Prometheus
 * ({@code GET /api/v1/rules}) and none of them fails to evaluate. Whether the SLO evaluator acts on
 * them is the operator item {@code slo-evaluator}.
 */
final class AlertsCheck implements Check {
    private final ChecklistConfig config;
    private final ProbeSource probes;

    AlertsCheck(ChecklistConfig config, ProbeSource probes) {
        this.config = config;
        this.probes = probes;
    }

    @Override
    public String id() {
        return StandardChecklist.ALERTS;
    }

    @Override
    public String title() {
        return "Alerts of the bundle loaded in Prometheus";
    }

    @Override
    public CheckResult run(EvidenceLog evidence) throws InterruptedException {
        if (config.alertRules().isEmpty() || config.endpoints().prometheus().isEmpty()) {
            return CheckResult.skipped("not configured: needs alerts.rules and endpoints.prometheus",
                    "Point alerts.rules at the bundle's storage/alerts/telemetry-storage-rules.yaml to run this check.");
        }
        Path file = config.alertRules().get();
        Set<String> expected;
        try {
            expected = AlertRules.alertNames(file);
            evidence.add("read " + file, expected.size() + " alert(s): " + String.join(", ", expected));
        } catch (BundleException e) {
            evidence.add("read " + file, "failed: " + e.getMessage());
            return CheckResult.failed(FailureReason.LOCAL_FILE, e.getMessage(), "Point alerts.rules at the rules file"
                    + " of the imported bundle (storage/alerts/telemetry-storage-rules.yaml under telemetry/current).");
        }
        URI uri = Urls.resolve(config.endpoints().prometheus().get(), "/api/v1/rules");
        try {
            Map<String, JsonNode> loaded = loadedAlerts(probes.open(), uri, evidence);
            List<String> missing = expected.stream().filter(name -> !loaded.containsKey(name)).toList();
            List<String> broken = new ArrayList<>();
            for (String name : expected) {
                JsonNode rule = loaded.get(name);
                if (rule != null && "err".equals(rule.path("health").asText())) {
                    broken.add(name + " (" + Printable.excerpt(rule.path("lastError").asText("")) + ")");
                }
            }
            evidence.add("compare with " + file.getFileName(), (expected.size() - missing.size()) + " of " + expected.size()
                    + " loaded" + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing)));
            if (!missing.isEmpty()) {
                return CheckResult.failed(FailureReason.UNEXPECTED, missing.size() + " of " + expected.size()
                        + " alerts are not loaded in Prometheus: " + String.join(", ", missing),
                        "Load the bundle's rules file into Prometheus (rule_files, or a PrometheusRule wrapping its"
                                + " groups) and reload it (POST /-/reload with --web.enable-lifecycle, or restart).");
            }
            if (!broken.isEmpty()) {
                return CheckResult.failed(FailureReason.UNEXPECTED, "alerts fail to evaluate: " + String.join("; ", broken),
                        "Read lastError in Prometheus' Rules page; the expressions may need series the cluster lacks.");
            }
            return CheckResult.passed("all " + expected.size() + " alerts of " + file.getFileName() + " are loaded");
        } catch (BundleException e) {
            return CheckResult.failed(FailureReason.LOCAL_FILE, e.getMessage(), FixHints.TLS_FILES);
        } catch (ProbeException e) {
            return CheckResult.failed(e.reason(), e.getMessage(), FixHints.forProbe(e, "Prometheus", "endpoints.prometheus"));
        }
    }

    private static Map<String, JsonNode> loadedAlerts(HttpProbe probe, URI uri, EvidenceLog evidence)
            throws ProbeException, InterruptedException {
        JsonNode groups = PrometheusApi.array(PrometheusApi.data(probe.get(uri, Map.of(), evidence).expect(200)),
                "groups", uri);
        Map<String, JsonNode> loaded = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                if ("alerting".equals(rule.path("type").asText())) {
                    loaded.putIfAbsent(rule.path("name").asText(), rule);
                }
            }
        }
        evidence.add("alerting rules in " + uri.getPath(), loaded.size() + " loaded in " + groups.size() + " group(s)");
        return loaded;
    }
}
