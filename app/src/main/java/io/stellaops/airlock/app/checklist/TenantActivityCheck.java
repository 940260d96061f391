package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.bundle.BundleException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Tempo and Loki report tenant activity": each backend is ready ({@code GET /ready}), refuses a
 * client without a certificate, and answers a tenant-scoped query for every configured tenant with
 * some data: Loki's label names ({@code GET /loki/api/v1/labels}, its default window of the last
 * six hours) and Tempo's tag names ({@code GET /api/search/tags}), each with the tenant header
 * (X-Scope-OrgID by default, which the gateway fills from X-StellaOps-Tenant). An unreachable,
 * hanging or TLS-refusing backend is given up after its first failure, so one check stays bounded.
 */
final class TenantActivityCheck implements Check {
    /** One storage backend and how it tells a tenant's activity. */
    private record Backend(String name, String setting, URI base, String activityPath, String field) {
    }

    private final ChecklistConfig config;
    private final ProbeSource probes;

    TenantActivityCheck(ChecklistConfig config, ProbeSource probes) {
        this.config = config;
        this.probes = probes;
    }

    @Override
    public String id() {
        return StandardChecklist.TENANT_ACTIVITY;
    }

    @Override
    public String title() {
        return "Tempo and Loki report tenant activity";
    }

    @Override
    public CheckResult run(EvidenceLog evidence) throws InterruptedException {
        List<Backend> backends = new ArrayList<>();
        config.endpoints().loki().ifPresent(uri -> backends.add(new Backend("Loki", "endpoints.loki", uri,
                "/loki/api/v1/labels", "data")));
        config.endpoints().tempo().ifPresent(uri -> backends.add(new Backend("Tempo", "endpoints.tempo", uri,
                "/api/search/tags", "tagNames")));
        if (backends.isEmpty()) {
            return CheckResult.skipped("not configured: needs endpoints.loki and/or endpoints.tempo",
                    "Set the URLs in the config to run this check.");
        }
        if (config.tenants().ids().isEmpty()) {
            return CheckResult.skipped("no tenants configured (tenants.ids)", "List the tenant ids in tenants.ids.");
        }
        HttpProbe probe;
        try {
            probe = probes.open();
        } catch (BundleException e) {
            return CheckResult.failed(FailureReason.LOCAL_FILE, e.getMessage(), FixHints.TLS_FILES);
        }
        Findings findings = new Findings();
        for (Backend backend : backends) {
            check(backend, probe, evidence, findings);
        }
        return findings.result();
    }

    private void check(Backend backend, HttpProbe probe, EvidenceLog evidence, Findings findings)
            throws InterruptedException {
        URI ready = Urls.resolve(backend.base(), "/ready");
        try {
            probe.get(ready, Map.of(), evidence).expect(200);
            if (config.tls().requireClientCertificate()) {
                probe.requireClientCertificate(ready, evidence);
            }
        } catch (ProbeException e) {
            findings.fail(e, FixHints.forProbe(e, backend.name(), backend.setting()));
            return;
        }
        List<String> active = new ArrayList<>();
        for (String tenant : config.tenants().ids()) {
            Optional<ProbeException> unreachable = tenant(backend, tenant, probe, evidence, findings, active);
            if (unreachable.isPresent()) {
                findings.fail(unreachable.get(), FixHints.forProbe(unreachable.get(), backend.name(), backend.setting()));
                return;
            }
        }
        if (active.size() == config.tenants().ids().size()) {
            findings.pass(backend.name() + " is ready and reports activity for " + active.size() + " tenant(s)");
        }
    }

    /** Queries one tenant; a failure that makes asking further pointless is returned, others are findings. */
    private Optional<ProbeException> tenant(Backend backend, String tenant, HttpProbe probe, EvidenceLog evidence,
            Findings findings, List<String> active) throws InterruptedException {
        URI uri = Urls.resolve(backend.base(), backend.activityPath());
        try {
            ProbeResponse response = probe.get(uri, Map.of(config.tenants().header(), tenant), evidence).expect(200);
            JsonNode root = response.json();
            if (backend.field().equals("data") && !"success".equals(root.path("status").asText())) {
                throw new ProbeException(FailureReason.MALFORMED_RESPONSE, uri.getPath() + " did not answer status success");
            }
            JsonNode names = root.path(backend.field());
            if (!names.isMissingNode() && !names.isNull() && !names.isArray()) {
                throw new ProbeException(FailureReason.MALFORMED_RESPONSE, uri.getPath() + ": " + backend.field()
                        + " is not an array");
            }
            int count = names.isArray() ? names.size() : 0;
            evidence.add(backend.name() + " activity of tenant " + tenant, count + " name(s)");
            if (count == 0) {
                findings.fail(FailureReason.UNEXPECTED, backend.name() + " reports no activity for tenant " + tenant,
                        "No data arrives for this tenant: check that its workloads set tenant.id and that the gateway"
                                + " forwards X-StellaOps-Tenant as " + config.tenants().header() + "; or remove the tenant"
                                + " from tenants.ids if it is not in use yet.");
            } else {
                active.add(tenant);
            }
            return Optional.empty();
        } catch (ProbeException e) {
            if (e.reason() == FailureReason.UNREACHABLE || e.reason() == FailureReason.TIMEOUT
                    || e.reason() == FailureReason.TLS) {
                return Optional.of(e);
            }
            findings.fail(e, FixHints.forProbe(e, backend.name(), backend.setting()));
            return Optional.empty();
        }
    }
}
