package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.bundle.BundleException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Retention policy tested by uploading sample data": the staged tenant overrides give every tenant
 * of {@code retention.expected} exactly that retention in Loki and in Tempo; then a sample log line
 * pushed to Loki for the test tenant can be read back. That the line expires after the retention
 * period can only be seen later: it is an operator item ({@code retention-expiry}).
 */
final class RetentionCheck implements Check {
    private static final String FIX_OVERRIDES = "Correct storage/tenants/*.yaml in the bundle source, build and import a"
            + " new bundle, and update the configmaps stellaops-loki-tenant-overrides and tempo-tenant-overrides; or"
            + " correct retention.expected if the policy changed.";

    private final ChecklistConfig config;
    private final ProbeSource probes;
    private final Clock clock;

    RetentionCheck(ChecklistConfig config, ProbeSource probes, Clock clock) {
        this.config = config;
        this.probes = probes;
        this.clock = clock;
    }

    @Override
    public String id() {
        return StandardChecklist.RETENTION;
    }

    @Override
    public String title() {
        return "Retention policy tested by uploading sample data";
    }

    @Override
    public CheckResult run(EvidenceLog evidence) throws InterruptedException {
        var retention = config.retention();
        if (retention.overrides().isEmpty() && config.endpoints().loki().isEmpty()) {
            return CheckResult.skipped("not configured: needs retention.overrides and/or endpoints.loki",
                    "Point retention.overrides at the kit's telemetry/current (or the bundle source) to run this check.");
        }
        Findings findings = new Findings();
        if (retention.overrides().isPresent()) {
            overrides(retention.overrides().get(), retention.expected(), evidence, findings);
        } else {
            evidence.add("compare the staged overrides", "not asked: retention.overrides is not set");
        }
        if (config.endpoints().loki().isPresent()) {
            sample(retention.testTenant(), evidence, findings);
        } else {
            evidence.add("push a sample line", "not asked: endpoints.loki is not set");
        }
        return findings.result();
    }

    private void overrides(Path folder, Map<String, Duration> expected, EvidenceLog evidence, Findings findings) {
        Map<String, Optional<Duration>> loki;
        Map<String, Optional<Duration>> tempo;
        try {
            Path tenants = TenantOverrides.locate(folder);
            loki = TenantOverrides.loki(tenants.resolve(TenantOverrides.LOKI));
            tempo = TenantOverrides.tempo(tenants.resolve(TenantOverrides.TEMPO));
            evidence.add("read " + tenants.resolve(TenantOverrides.LOKI), describe(loki));
            evidence.add("read " + tenants.resolve(TenantOverrides.TEMPO), describe(tempo));
        } catch (BundleException e) {
            evidence.add("read the overrides under " + folder, "failed: " + e.getMessage());
            findings.fail(FailureReason.LOCAL_FILE, e.getMessage(), "Point retention.overrides at a folder holding"
                    + " storage/tenants/loki-overrides.yaml and tempo-overrides.yaml: the kit's telemetry/current, the kit"
                    + " folder, or the bundle source.");
            return;
        }
        int matched = 0;
        for (Map.Entry<String, Duration> entry : expected.entrySet()) {
            boolean lokiOk = compare("Loki", entry.getKey(), entry.getValue(), loki, findings);
            boolean tempoOk = compare("Tempo", entry.getKey(), entry.getValue(), tempo, findings);
            matched += lokiOk && tempoOk ? 1 : 0;
        }
        evidence.add("compare with retention.expected", matched + " of " + expected.size() + " tenant(s) as expected");
        if (matched == expected.size()) {
            findings.pass("the staged overrides give " + expected.size() + " tenant(s) the expected retention");
        }
    }

    private static boolean compare(String backend, String tenant, Duration expected,
            Map<String, Optional<Duration>> actual, Findings findings) {
        Optional<Duration> value = actual.getOrDefault(tenant, Optional.empty());
        if (!actual.containsKey(tenant) || value.isEmpty()) {
            findings.fail(FailureReason.UNEXPECTED, backend + " overrides set no retention for tenant " + tenant
                    + " (expected " + Durations.format(expected) + ")", FIX_OVERRIDES);
            return false;
        }
        if (!value.get().equals(expected)) {
            findings.fail(FailureReason.UNEXPECTED, backend + " retention of tenant " + tenant + " is "
                    + Durations.format(value.get()) + ", expected " + Durations.format(expected), FIX_OVERRIDES);
            return false;
        }
        return true;
    }

    private void sample(String tenant, EvidenceLog evidence, Findings findings) throws InterruptedException {
        try {
            HttpProbe probe = probes.open();
            LokiSample sample = new LokiSample(probe, config.endpoints().loki().get(), config.tenants().header(), clock);
            sample.pushAndReadBack(tenant, UUID.randomUUID().toString(), evidence);
            findings.pass("a sample line pushed for tenant " + tenant + " was read back");
        } catch (BundleException e) {
            findings.fail(FailureReason.LOCAL_FILE, e.getMessage(), FixHints.TLS_FILES);
        } catch (ProbeException e) {
            findings.fail(e, e.reason() == FailureReason.UNEXPECTED
                    ? "Loki accepts writes but its queries do not see them: check the ingesters and the querier's"
                    + " tenant header mapping."
                    : FixHints.forProbe(e, "Loki", "endpoints.loki"));
        }
    }

    private static String describe(Map<String, Optional<Duration>> retention) {
        StringBuilder text = new StringBuilder();
        retention.forEach((tenant, value) -> text.append(text.length() == 0 ? "" : ", ").append(tenant).append(' ')
                .append(value.map(Durations::format).orElse("(none)")));
        return retention.size() + " tenant(s): " + text;
    }
}
