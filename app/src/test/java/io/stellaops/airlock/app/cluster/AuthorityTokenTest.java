package io.stellaops.airlock.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding and checking Authority tokens: accepted forms, each refusal, and that no message leaks the token. */
class AuthorityTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant IN_30_DAYS = NOW.plus(Duration.ofDays(30));

    @TempDir
    Path dir;

    private AuthorityToken read(String content) throws Exception {
        Path file = Files.writeString(dir.resolve("prometheus-stage.token"), content);
        return AuthorityToken.read(file, AuthorityToken.AUDIENCE, AuthorityToken.PROMETHEUS_SCOPE, CLOCK);
    }

    private ClusterException refusal(String content) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(content));
        assertThat(thrown).isInstanceOf(ClusterException.class);
        ClusterException e = (ClusterException) thrown;
        assertNoPartOf(content, e.getMessage());
        return e;
    }

    /** No part of the token (header, payload, signature, or the whole) may appear in a message. */
    static void assertNoPartOf(String token, String text) {
        for (String part : token.strip().split("\\.")) {
            if (part.length() >= 8) {
                assertThat(text).doesNotContain(part);
            }
        }
    }

    @Test
    void acceptsACompactJwtAndKeepsOnlyTheListedClaims() throws Exception {
        String token = TestMaterial.prometheusToken(IN_30_DAYS);
        AuthorityToken read = read(token + "\n");
        assertThat(read.claims().expiresAt()).isEqualTo(Instant.ofEpochSecond(IN_30_DAYS.getEpochSecond()));
        assertThat(read.claims().audiences()).containsExactly("observability");
        assertThat(read.claims().scopes()).containsExactly("obs:read");
        assertThat(read.claims().expiresSoon()).isFalse();
        assertThat(new String(read.value(), StandardCharsets.US_ASCII)).isEqualTo(token);
        assertThat(read.toString()).contains("obs:read").doesNotContain(token.split("\\.")[1]);
        assertNoPartOf(token, read.claims().describe());
        read.destroy();
        assertThat(read.isDestroyed()).isTrue();
    }

    @Test
    void acceptsAudienceArraysScpArraysBearerPrefixAndTokenResponses() throws Exception {
        String arrays = TestMaterial.jwt(TestMaterial.payload(IN_30_DAYS, "[\"gateway\",\"observability\"]", null,
                Map.of("scp", "[\"obs:read\",\"timeline:read\"]")));
        assertThat(read(arrays).claims().scopes()).containsExactly("obs:read", "timeline:read");
        assertThat(read(arrays).claims().audiences()).containsExactly("gateway", "observability");
        String spaced = TestMaterial.jwt(TestMaterial.payload(IN_30_DAYS, "\"observability\"", "\"obs:logs obs:read\"", Map.of()));
        assertThat(read("Bearer " + spaced).claims().scopes()).containsExactly("obs:logs", "obs:read");
        AuthorityToken fromJson = read("{\"access_token\":\"" + spaced + "\",\"token_type\":\"Bearer\",\"expires_in\":2592000}");
        assertThat(new String(fromJson.value(), StandardCharsets.US_ASCII)).isEqualTo(spaced);
    }

    @Test
    void aTokenExpiringWithinAWeekIsAcceptedWithAWarning() throws Exception {
        AuthorityToken soon = read(TestMaterial.prometheusToken(NOW.plus(Duration.ofDays(2))));
        assertThat(soon.claims().expiresSoon()).isTrue();
        assertThat(soon.claims().describe()).contains("in 2 days").contains("SOON");
    }

    @Test
    void refusesAnExpiredToken() {
        String token = TestMaterial.prometheusToken(NOW.minus(Duration.ofDays(3)));
        ClusterException e = refusal(token);
        assertThat(e.reason()).isEqualTo(ClusterException.Reason.NOT_VALID_NOW);
        assertThat(e.getMessage()).contains("expired at 2026-11-22T12:00:00Z (3 days ago)")
                .contains("stella authority token issue observability-prometheus --ttl 30d > prometheus-stage.token");
    }

    @Test
    void refusesATokenThatIsNotValidYet() {
        String token = TestMaterial.jwt(TestMaterial.payload(IN_30_DAYS, "\"observability\"", "\"obs:read\"",
                Map.of("nbf", String.valueOf(NOW.plus(Duration.ofHours(1)).getEpochSecond()))));
        assertThat(refusal(token).reason()).isEqualTo(ClusterException.Reason.NOT_VALID_NOW);
    }

    @Test
    void refusesTheWrongAudienceAndNamesTheClientToCreate() {
        ClusterException e = refusal(TestMaterial.jwt(TestMaterial.payload(IN_30_DAYS, "\"gateway\"", "\"obs:read\"", Map.of())));
        assertThat(e.reason()).isEqualTo(ClusterException.Reason.REFUSED);
        assertThat(e.getMessage()).contains("is for audience gateway, not observability")
                .contains("stella authority client create observability-prometheus --scopes obs:read --audience observability");
        assertThat(refusal(TestMaterial.jwt(TestMaterial.payload(IN_30_DAYS, null, "\"obs:read\"", Map.of()))).getMessage())
                .contains("audience (none)");
    }

    @Test
    void refusesATokenWithoutObsRead() {
        ClusterException e = refusal(TestMaterial.jwt(TestMaterial.payload(IN_30_DAYS, "\"observability\"",
                "\"obs:logs timeline:read\"", Map.of())));
        assertThat(e.reason()).isEqualTo(ClusterException.Reason.REFUSED);
        assertThat(e.getMessage()).contains("lacks scope obs:read (it has obs:logs timeline:read)")
                .contains("observability-prometheus");
    }

    @Test
    void refusesMalformedTokensByNameWithoutQuotingThem() {
        String valid = TestMaterial.prometheusToken(IN_30_DAYS);
        String[] parts = valid.split("\\.");
        assertThat(refusal("").getMessage()).contains("is empty");
        assertThat(refusal(parts[0] + "." + parts[1]).getMessage()).contains("is not a JWT");
        assertThat(refusal(valid + ".x.y").getMessage()).contains("encrypted token (JWE");
        assertThat(refusal("not a token at all").getMessage()).contains("is not a JWT");
        assertThat(refusal(parts[0] + ".@@@@." + parts[2]).getMessage()).contains("is not a JWT");
        String notJson = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("this is not json but quite long".getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(parts[0] + "." + notJson + "." + parts[2]).getMessage()).contains("payload that is not valid JSON");
        assertThat(refusal(notJson + "." + parts[1] + "." + parts[2]).getMessage()).contains("header that is not valid JSON");
        assertThat(refusal(TestMaterial.jwt(TestMaterial.payload(null, "\"observability\"", "\"obs:read\"", Map.of())))
                .getMessage()).contains("has no expiry (exp claim)");
        assertThat(refusal(TestMaterial.jwt("{\"exp\":\"tomorrow\",\"aud\":\"observability\"}")).getMessage())
                .contains("exp claim that is not a number");
        assertThat(refusal("{\"token_type\":\"Bearer\"}").getMessage()).contains("without a string 'access_token'");
        assertThat(refusal("{broken json").getMessage()).contains("not valid JSON");
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertThatThrownBy(() -> AuthorityToken.read(dir.resolve("nope.token"), AuthorityToken.AUDIENCE,
                AuthorityToken.PROMETHEUS_SCOPE, CLOCK))
                .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.reason())
                        .isEqualTo(ClusterException.Reason.UNREADABLE));
    }

    @Test
    void authorityClientsGiveTheRunbookCommands() {
        assertThat(AuthorityClients.commands()).containsExactly(
                "stella authority client create observability-prometheus --scopes obs:read --audience observability"
                        + " --description \"Prometheus collector scrape\"",
                "stella authority client create observability-loki --scopes obs:logs timeline:read --audience observability"
                        + " --description \"Loki ingestion\"",
                "stella authority client create observability-tempo --scopes obs:traces --audience observability"
                        + " --description \"Tempo ingestion\"",
                "stella authority token issue observability-prometheus --ttl 30d > prometheus-stage.token",
                "stella authority token issue observability-loki --ttl 30d > loki-stage.token",
                "stella authority token issue observability-tempo --ttl 30d > tempo-stage.token");
    }
}
