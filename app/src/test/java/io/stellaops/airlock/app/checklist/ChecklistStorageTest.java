package io.stellaops.airlock.app.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant activity and retention against stand-ins for Loki and Tempo ({@link FakeLoki},
 * {@link FakeTempo}: small in-test HTTPS servers requiring client certificates, implementing only
 * the documented endpoints the checks use, since neither has a package here), including a hanging
 * endpoint to prove the request timeout and that one check's failure does not stop the others.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChecklistStorageTest {
    static final String EXPECTED = "{default: 720h, tenant-a: 2160h, tenant-b: 336h, airlock-smoke: 24h}";

    @TempDir
    static Path dir;

    static ChecklistTls tls;
    FakeLoki loki;
    FakeTempo tempo;

    @BeforeAll
    static void material() throws Exception {
        tls = ChecklistTls.create(dir.resolve("tls"));
    }

    @BeforeEach
    void start() throws Exception {
        loki = FakeLoki.start(tls, ChecklistPrometheusTest.TENANTS);
        tempo = FakeTempo.start(tls, Set.of("default", "tenant-a", "airlock-smoke"));
    }

    @AfterEach
    void stop() {
        loki.close();
        tempo.close();
    }

    ConfigYaml config() {
        return new ConfigYaml(tls).endpoint("loki", loki.uri()).endpoint("tempo", tempo.uri())
                .tenants("[default, tenant-a, airlock-smoke]")
                .retention(ConfigYaml.SAMPLE, EXPECTED).timeouts("{request: 4s, check: 20s}"); // generous: the build machine is shared
    }

    Checklist checklist(ConfigYaml yaml) throws Exception {
        Path file = yaml.write(Files.createTempFile(dir, "config", ".yaml"));
        return StandardChecklist.create(ChecklistConfigLoader.load(file), new Confirmations(Clock.systemUTC()),
                Clock.systemUTC());
    }

    @Test
    void everyTenantReportsActivityWithItsTenantHeader() throws Exception {
        CheckOutcome activity = checklist(config()).run(StandardChecklist.TENANT_ACTIVITY);

        assertThat(activity.state()).as(activity.toString()).isEqualTo(CheckState.PASSED);
        assertThat(activity.summary()).isEqualTo("Loki is ready and reports activity for 3 tenant(s); Tempo is ready and"
                + " reports activity for 3 tenant(s)");
        assertThat(activity.evidence()).extracting(Evidence::request)
                .contains("GET " + loki.uri() + "/loki/api/v1/labels (client certificate 'CN=observability-prometheus,O=StellaOps"
                        + " Airlock (development)'; X-Scope-OrgID: tenant-a)")
                .contains("GET " + tempo.uri() + "/ready (no client certificate: must be refused)");
    }

    @Test
    void aTenantWithoutDataFailsNamingTheTenantAndTheBackend() throws Exception {
        CheckOutcome activity = checklist(config().tenants("[default, tenant-b]")).run(StandardChecklist.TENANT_ACTIVITY);

        assertThat(activity.state()).isEqualTo(CheckState.FAILED);
        assertThat(activity.reason()).contains(FailureReason.UNEXPECTED);
        assertThat(activity.summary()).isEqualTo("Tempo reports no activity for tenant tenant-b");
        assertThat(activity.fixHint()).contains("forwards X-StellaOps-Tenant as X-Scope-OrgID");
    }

    @Test
    void theTenantHeaderIsConfigurable() throws Exception {
        CheckOutcome activity = checklist(config().tenantHeader("X-StellaOps-Tenant")).run(StandardChecklist.TENANT_ACTIVITY);

        // The stand-ins, like Loki and Tempo, read only X-Scope-OrgID: sent under another name, the tenant is missing.
        assertThat(activity.state()).isEqualTo(CheckState.FAILED);
        assertThat(activity.reason()).contains(FailureReason.HTTP_STATUS);
        assertThat(activity.summary()).startsWith("/loki/api/v1/labels answered HTTP 401 (expected 200): no org id");
        assertThat(activity.evidence()).extracting(Evidence::request).anyMatch(r -> r.endsWith("X-StellaOps-Tenant: default)"));
    }

    @Test
    void aHangingEndpointTimesOutAndTheOtherChecksStillRun() throws Exception {
        loki.labels = FakeLoki.Mode.HANG;
        Checklist checklist = checklist(config().timeouts("{request: 1s, check: 20s}"));
        checklist.runAll();

        CheckOutcome activity = checklist.outcome(StandardChecklist.TENANT_ACTIVITY);
        assertThat(activity.state()).isEqualTo(CheckState.FAILED);
        assertThat(activity.reason()).contains(FailureReason.TIMEOUT);
        assertThat(activity.summary()).startsWith("127.0.0.1:" + loki.uri().getPort()
                + " did not answer /loki/api/v1/labels within 1s");
        assertThat(activity.duration()).hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(5)));
        assertThat(activity.evidence()).extracting(Evidence::request).anyMatch(r -> r.startsWith("GET " + tempo.uri()
                + "/api/search/tags")); // Tempo was still asked after Loki hung.
        assertThat(checklist.outcome(StandardChecklist.RETENTION).state()).isEqualTo(CheckState.PASSED);
        assertThat(checklist.outcome(StandardChecklist.CERTIFICATES).state()).isEqualTo(CheckState.PASSED);
        assertThat(checklist.outcome(StandardChecklist.PROMETHEUS_SCRAPE).state()).isEqualTo(CheckState.SKIPPED);
        assertThat(checklist.outcome("slo-evaluator").state()).isEqualTo(CheckState.NEEDS_OPERATOR);
        assertThat(ChecklistVerdict.of(checklist.outcomes())).isEqualTo(ChecklistVerdict.FAILED);
    }

    @Test
    void anHttpErrorAndAnAnswerThatIsNotJsonAreNamed() throws Exception {
        loki.labels = FakeLoki.Mode.MALFORMED;
        tempo.ready = FakeLoki.Mode.ERROR;
        CheckOutcome activity = checklist(config().tenants("[default]")).run(StandardChecklist.TENANT_ACTIVITY);

        assertThat(activity.state()).isEqualTo(CheckState.FAILED);
        assertThat(activity.reason()).contains(FailureReason.MALFORMED_RESPONSE);
        assertThat(activity.summary()).startsWith("the answer of /loki/api/v1/labels: is not valid JSON")
                .contains("(and 1 more problem: /ready answered HTTP 503 (expected 200): Ingester not ready)");
        assertThat(activity.fixHint()).contains("endpoints.loki probably points at another service");
    }

    @Test
    void anUnreachableHostAndAClosedPortFailAsUnreachableAndTheRunGoesOn() throws Exception {
        int closed = io.stellaops.airlock.app.cluster.MockCluster.unusedPort();
        ConfigYaml yaml = new ConfigYaml(tls).endpoint("loki", java.net.URI.create("https://127.0.0.1:" + closed))
                .endpoint("tempo", java.net.URI.create("https://tempo.invalid:3200"))
                .tenants("[default]").retention(ConfigYaml.SAMPLE, EXPECTED).timeouts("{request: 2s, check: 20s}");
        Checklist checklist = checklist(yaml);
        checklist.runAll();

        CheckOutcome activity = checklist.outcome(StandardChecklist.TENANT_ACTIVITY);
        assertThat(activity.state()).isEqualTo(CheckState.FAILED);
        assertThat(activity.reason()).contains(FailureReason.UNREACHABLE);
        assertThat(activity.summary()).startsWith("cannot connect to 127.0.0.1:" + closed);
        // .invalid never resolves (RFC 6761); without a resolver the connect timeout ends it instead.
        assertThat(activity.evidence()).extracting(Evidence::response).anyMatch(r -> r.startsWith(
                "failed (unreachable): cannot resolve the host tempo.invalid") || r.startsWith(
                "failed (timeout): no connection to tempo.invalid:3200 within 2s"));
        assertThat(activity.duration()).hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(10)));
        assertThat(checklist.outcome(StandardChecklist.RETENTION).reason()).contains(FailureReason.UNREACHABLE);
        assertThat(checklist.outcome(StandardChecklist.CERTIFICATES).state()).isEqualTo(CheckState.PASSED);
        assertThat(checklist.outcome("slo-evaluator").state()).isEqualTo(CheckState.NEEDS_OPERATOR);
    }

    @Test
    void aServerCertificateForAnotherHostFailsHostnameVerification() throws Exception {
        Path[] other = tls.server("loki-elsewhere", "loki.observability.svc");
        try (TestHttpsServer elsewhere = TestHttpsServer.start(other[0], other[1], tls.ca(), true)) {
            CheckOutcome activity = checklist(new ConfigYaml(tls).endpoint("loki", elsewhere.uri()))
                    .run(StandardChecklist.TENANT_ACTIVITY);

            assertThat(activity.reason()).contains(FailureReason.TLS);
            assertThat(activity.summary()).isEqualTo("the certificate of 127.0.0.1:" + elsewhere.port()
                    + " does not name the host 127.0.0.1 (hostname verification)");
        }
    }

    @Test
    void retentionMatchesTheStagedOverridesAndTheSampleLineComesBack() throws Exception {
        CheckOutcome retention = checklist(config()).run(StandardChecklist.RETENTION);

        assertThat(retention.state()).as(retention.toString()).isEqualTo(CheckState.PASSED);
        assertThat(retention.summary()).isEqualTo("the staged overrides give 4 tenant(s) the expected retention; a sample"
                + " line pushed for tenant airlock-smoke was read back");
        assertThat(loki.pushed("airlock-smoke")).singleElement().asString().startsWith("airlock checklist retention probe ");
        assertThat(retention.evidence()).extracting(Evidence::response)
                .contains("4 tenant(s): default 720h, tenant-a 2160h, tenant-b 336h, airlock-smoke 24h");
    }

    @Test
    void aRetentionOtherThanExpectedFailsForLokiAndTempo() throws Exception {
        CheckOutcome retention = checklist(config().retention(ConfigYaml.SAMPLE, "{tenant-b: 14d, tenant-a: 7d}"))
                .run(StandardChecklist.RETENTION);

        assertThat(retention.state()).isEqualTo(CheckState.FAILED);
        assertThat(retention.reason()).contains(FailureReason.UNEXPECTED);
        // 14d is 336h: equal durations in other units match.
        assertThat(retention.summary()).isEqualTo("Loki retention of tenant tenant-a is 2160h, expected 168h (and 1 more"
                + " problem: Tempo retention of tenant tenant-a is 2160h, expected 168h)");
    }

    @Test
    void theOverridesAreFoundInAKitAndTheirAbsenceIsALocalFileFailure() throws Exception {
        Path tenants = Files.createDirectories(dir.resolve("kit/telemetry/current/storage/tenants"));
        for (String name : new String[] {"loki-overrides.yaml", "tempo-overrides.yaml"}) {
            Files.copy(ConfigYaml.SAMPLE.resolve("storage/tenants").resolve(name), tenants.resolve(name));
        }
        assertThat(checklist(config().retention(dir.resolve("kit"), EXPECTED)).run(StandardChecklist.RETENTION).state())
                .isEqualTo(CheckState.PASSED);

        CheckOutcome missing = checklist(config().retention(dir.resolve("nowhere"), EXPECTED)).run(StandardChecklist.RETENTION);
        assertThat(missing.reason()).contains(FailureReason.LOCAL_FILE);
        assertThat(missing.summary()).startsWith("no loki-overrides.yaml under " + dir.resolve("nowhere"));
    }
}
