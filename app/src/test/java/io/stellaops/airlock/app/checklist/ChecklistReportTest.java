package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import io.stellaops.airlock.bundle.manifest.CanonicalJson;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report: JSON fields, HTML escaping, the files beside each other, and the DSSE envelope over the JSON. */
class ChecklistReportTest {
    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    static ChecklistReport report() {
        CheckOutcome failed = new CheckOutcome("prometheus-scrape", "Prometheus scrape succeeds", CheckState.FAILED,
                "prometheus:9090 answered HTTP 502 (expected 200): <script>alert('x')</script>",
                Optional.of(FailureReason.HTTP_STATUS), "See the status & fix \"it\"",
                List.of(new Evidence("GET https://prometheus:9090/api/v1/targets (client certificate 'CN=a<b>')",
                        "502, text/html, 40 bytes", AT)), Optional.of(AT), Optional.of(Duration.ofMillis(1500)),
                Optional.empty());
        CheckOutcome confirmed = new CheckOutcome("slo-evaluator", "Alerts wired into SLO evaluator", CheckState.PASSED,
                "confirmed by alice at " + AT, Optional.empty(), "", List.of(), Optional.of(AT), Optional.of(Duration.ZERO),
                Optional.of(new Confirmation("alice", AT)));
        CheckOutcome skipped = new CheckOutcome("alerts", "Alerts", CheckState.SKIPPED, "not selected (--only x)",
                Optional.empty(), "", List.of(), Optional.of(AT), Optional.of(Duration.ZERO), Optional.empty());
        return new ChecklistReport("airlock test", "carol", "host-1", AT, AT.plusSeconds(3), "/etc/airlock/checklist.yaml",
                "ab".repeat(32), Optional.empty(), List.of(failed, confirmed, skipped));
    }

    @Test
    void theJsonNamesTheVerdictCountsAndEveryCheckWithItsEvidence() {
        JsonNode json = ChecklistReportJson.of(report());

        assertThat(json.get("_type").asText()).isEqualTo("https://stellaops.io/airlock/checklist-report/v1");
        assertThat(json.get("verdict").asText()).isEqualTo("failed");
        assertThat(json.at("/counts/failed").asInt()).isEqualTo(1);
        assertThat(json.at("/counts/needs-operator").asInt()).isZero();
        assertThat(json.at("/config/sha256").asText()).isEqualTo("ab".repeat(32));
        JsonNode scrape = json.at("/checks/0");
        assertThat(scrape.get("reason").asText()).isEqualTo("http-status");
        assertThat(scrape.get("durationMillis").asLong()).isEqualTo(1500);
        assertThat(scrape.at("/evidence/0/request").asText()).startsWith("GET https://prometheus:9090/api/v1/targets");
        assertThat(json.at("/checks/1/confirmation/by").asText()).isEqualTo("alice");
        assertThat(json.at("/checks/1/fixHint").isMissingNode()).isTrue();
    }

    @Test
    void theHtmlPageEscapesEverythingAndLoadsNothing() {
        String html = ChecklistReportHtml.render(report());

        assertThat(html).doesNotContain("<script", "src=", "href=", "http-equiv")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "CN=a&lt;b&gt;", "fix &quot;it&quot;",
                        "<strong class=\"failed\">failed</strong>", "1 passed, 1 failed, 0 need an operator, 1 skipped");
    }

    @Test
    void theThreeFilesAreNamedAfterOut() {
        assertThat(ChecklistReportWriter.Files.of(dir.resolve("evidence.html")))
                .isEqualTo(new ChecklistReportWriter.Files(dir.resolve("evidence.json"), dir.resolve("evidence.html"),
                        dir.resolve("evidence.json.dsse.json")));
        assertThat(ChecklistReportWriter.Files.of(dir.resolve("evidence.JSON")).envelope())
                .isEqualTo(dir.resolve("evidence.json.dsse.json"));
        assertThat(ChecklistReportWriter.Files.of(dir.resolve("run-7")).html()).isEqualTo(dir.resolve("run-7.html"));
    }

    @Test
    void withoutAKeyTheEnvelopeIsUnsignedAndCarriesTheJsonFileBytes() throws Exception {
        ChecklistReportWriter.Files files = ChecklistReportWriter.write(report(), dir.resolve("report.json"), Optional.empty());

        byte[] json = Files.readAllBytes(files.json());
        assertThat(json).isEqualTo(CanonicalJson.write(ChecklistReportJson.of(report())));
        DsseEnvelope envelope = EnvelopeCodec.decode(Files.readAllBytes(files.envelope()), "report", Limits.DEFAULT);
        assertThat(envelope.payloadType()).isEqualTo("application/vnd.stellaops.airlock.checklist-report+json");
        assertThat(envelope.payload()).isEqualTo(json);
        assertThat(envelope.signatures()).isEmpty();
        assertThat(Files.readString(files.html(), UTF_8)).startsWith("<!DOCTYPE html>");
        assertThat(new ObjectMapper().readTree(json).get("operator").asText()).isEqualTo("carol");
    }

    @Test
    void withTheOperatorsKeyTheEnvelopeVerifiesOverTheJson() throws Exception {
        SigningKey key = SigningKeys.generate(KeyAlgorithm.ED25519, new SecureRandom());
        ChecklistReportWriter.Files files = ChecklistReportWriter.write(report(), dir.resolve("report"), Optional.of(key));

        DsseEnvelope envelope = EnvelopeCodec.decode(Files.readAllBytes(files.envelope()), "report", Limits.DEFAULT);
        assertThat(envelope.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.keyId()).isEqualTo(key.keyId());
            assertThat(key.verificationKey().verifies(envelope.pae(), signature.sig())).isTrue();
        });
        assertThat(envelope.payload()).isEqualTo(Files.readAllBytes(files.json()));
    }
}
