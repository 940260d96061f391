package io.stellaops.airlock.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's YAML export without Secret values: digests in their place, ConfigMaps whole, owner-only like the full one. */
class PlanExportRedactionTest {

    @TempDir
    Path dir;

    @Test
    void secretValuesAreReplacedByTheirDigestsUnlessAskedFor() throws Exception {
        Path tls = TestMaterial.tls(dir.resolve("tls"), "otel-collector", Duration.ofDays(90));
        String token = TestMaterial.prometheusToken(Instant.now().plus(Duration.ofDays(30)));
        Path tokenFile = TestMaterial.writeToken(dir.resolve("token"), token);
        var request = new PlanRequest(tls, tokenFile, new PlanRequest.Folder(Path.of(System.getProperty("airlock.sample.dir"))),
                "observability", Optional.empty(), Clock.systemUTC());
        Path redacted = dir.resolve("redacted.yaml");
        Path full = dir.resolve("full.yaml");
        try (ClusterPlan plan = new ClusterPlanner().plan(request)) {
            new PlanExporter().write(plan, redacted, false, false);
            new PlanExporter().write(plan, full, false, true);
        }
        String key = Files.readString(tls.resolve("tls.key"));
        String text = Files.readString(redacted);
        assertThat(text).contains("Secret values are REDACTED").contains("token: <redacted> sha256:"
                + DataValue.sha256(token.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(token).doesNotContain(b64(token)).doesNotContain(b64(key))
                .contains("overrides.yaml: ");
        assertThat(Files.readString(full)).contains("CONTAINS SECRETS").contains(b64(token)).contains(b64(key));
        for (Path file : new Path[] {redacted, full}) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
