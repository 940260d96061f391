package io.stellaops.airlock.app.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.security.auth.Destroyable;

/**
 * An Authority bearer token read from a file (as {@code stella authority token issue ... > FILE}
 * writes it), with the claims Airlock checks before storing it in a Secret.
 *
 * <p>The token is a JWT that is <b>decoded, not verified</b>: Airlock has neither Authority's keys
 * nor a reason to trust the token, it only stores it for Prometheus, and Authority checks it when
 * it is used. The decoding is there to catch the usual mistakes early (the wrong client's token, an
 * expired one, a truncated file), not to make a security decision. Messages name the file and the
 * claim, never the token or any part of it other than {@code exp}, {@code aud} and the scopes.
 *
 * <p>The file may hold the compact JWT alone (whitespace around it and a {@code Bearer } prefix are
 * ignored) or an OAuth token response ({@code {"access_token": "..."}}); the Secret receives the
 * compact JWT only, without a newline.
 */
public final class AuthorityToken implements Destroyable {
    public static final String AUDIENCE = "observability";
    public static final String PROMETHEUS_SCOPE = "obs:read";
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_BYTES = 64 * 1024;
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final ObjectMapper JSON = JsonMapper.builder(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    private final byte[] compact;
    private final TokenClaims claims;
    private boolean destroyed;

    private AuthorityToken(byte[] compact, TokenClaims claims) {
        this.compact = compact;
        this.claims = claims;
    }

    /** Reads and checks the token in {@code file}: a JWT for {@code audience} carrying {@code scope}, not expired at {@code clock}. */
    public static AuthorityToken read(Path file, String audience, String scope, Clock clock) throws ClusterException {
        String name = "token file " + file;
        byte[] content;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ClusterException(Reason.REFUSED, name + " is larger than " + MAX_BYTES + " bytes; it is not a token");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ClusterException(Reason.UNREADABLE, "cannot read " + name + ": "
                    + io.stellaops.airlock.bundle.io.AtomicFiles.describe(e), e);
        }
        try {
            return parse(content, name, audience, scope, clock);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** Parses and checks a token held in memory; {@code name} says where it came from, for messages. */
    public static AuthorityToken parse(byte[] content, String name, String audience, String scope, Clock clock)
            throws ClusterException {
        String text = extract(new String(content, StandardCharsets.UTF_8).strip(), name);
        if (text.chars().filter(c -> c == '.').count() == 4) {
            throw refused(name, "holds an encrypted token (JWE, five parts); Airlock needs a signed JWT (three parts)");
        }
        if (!COMPACT.matcher(text).matches()) {
            throw refused(name, "is not a JWT: expected three base64url parts separated by '.' (is the file truncated or"
                    + " the output of another command?)");
        }
        String[] parts = text.split("\\.", -1);
        JsonNode header = decode(parts[0], "header", name);
        if (!header.path("alg").isTextual()) {
            throw refused(name, "has no 'alg' in its JWT header");
        }
        TokenClaims claims = claims(decode(parts[1], "payload", name), name, clock);
        check(claims, name, audience, scope, clock);
        return new AuthorityToken(text.getBytes(StandardCharsets.US_ASCII), claims);
    }

    private static String extract(String text, String name) throws ClusterException {
        if (text.isEmpty()) {
            throw refused(name, "is empty");
        }
        if (text.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return text.substring(7).strip();
        }
        if (!text.startsWith("{")) {
            return text;
        }
        try {
            JsonNode access = JSON.readTree(text).path("access_token");
            if (!access.isTextual()) {
                throw refused(name, "is JSON without a string 'access_token'");
            }
            return access.asText().strip();
        } catch (IOException e) {
            throw refused(name, "starts with '{' but is not valid JSON");
        }
    }

    private static JsonNode decode(String part, String what, String name) throws ClusterException {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw refused(name, "has a JWT " + what + " that is not valid base64url");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw refused(name, "has a JWT " + what + " that is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            // Jackson's message quotes the input; it must not reach the operator's screen or a log.
            throw refused(name, "has a JWT " + what + " that is not valid JSON");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static TokenClaims claims(JsonNode payload, String name, Clock clock) throws ClusterException {
        JsonNode exp = payload.get("exp");
        if (exp == null) {
            throw refused(name, "has no expiry (exp claim); Airlock stores only tokens that expire");
        }
        if (!exp.isNumber()) {
            throw refused(name, "has an exp claim that is not a number of seconds");
        }
        JsonNode nbf = payload.get("nbf");
        if (nbf != null && nbf.isNumber() && Instant.ofEpochSecond(nbf.asLong()).isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new ClusterException(Reason.NOT_VALID_NOW, name + " is not valid yet (its nbf claim is in the future);"
                    + " check this machine's clock");
        }
        List<String> scopes = new ArrayList<>(strings(payload.get("scope"), "scope", name));
        strings(payload.get("scp"), "scp", name).stream().filter(s -> !scopes.contains(s)).forEach(scopes::add);
        return new TokenClaims(Instant.ofEpochSecond(exp.asLong()), strings(payload.get("aud"), "aud", name), scopes,
                clock.instant());
    }

    /** A claim that is a space-separated string or an array of strings. */
    private static List<String> strings(JsonNode node, String claim, String name) throws ClusterException {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isTextual()) {
            values.addAll(Arrays.stream(node.asText().split(" ")).filter(s -> !s.isEmpty()).toList());
            return values;
        }
        if (!node.isArray()) {
            throw refused(name, "has a " + claim + " claim that is neither a string nor an array");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw refused(name, "has a " + claim + " claim with an entry that is not a string");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static void check(TokenClaims claims, String name, String audience, String scope, Clock clock)
            throws ClusterException {
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new ClusterException(Reason.NOT_VALID_NOW, name + " expired at " + claims.expiresAt() + " ("
                    + Duration.between(claims.expiresAt(), clock.instant()).toDays() + " days ago); issue a new one"
                    + AuthorityClients.forScope(scope).map(c -> " with: " + c.issueCommand()).orElse(""));
        }
        if (!claims.audiences().contains(audience)) {
            throw refused(name, "is for audience " + (claims.audiences().isEmpty() ? "(none)" : String.join(" ", claims.audiences()))
                    + ", not " + audience + AuthorityClients.forScope(scope).map(c -> "; create the client with: " + c.createCommand())
                    .orElse(""));
        }
        if (!claims.scopes().contains(scope)) {
            throw refused(name, "lacks scope " + scope + " (it has " + (claims.scopes().isEmpty() ? "none" : String.join(" ",
                    claims.scopes())) + ")" + AuthorityClients.forScope(scope).map(c -> "; issue a token of client " + c.name())
                    .orElse(""));
        }
    }

    private static ClusterException refused(String name, String what) {
        return new ClusterException(Reason.REFUSED, name + " " + what);
    }

    public TokenClaims claims() {
        return claims;
    }

    /** A copy of the compact JWT, the value of the Secret's {@code token} key; the caller wipes it. */
    public byte[] value() {
        if (destroyed) {
            throw new IllegalStateException("the token was destroyed");
        }
        return compact.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(compact, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "AuthorityToken[" + claims.describe() + "]";
    }
}
