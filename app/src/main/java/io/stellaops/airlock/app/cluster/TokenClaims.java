package io.stellaops.airlock.app.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The claims of an Authority token that Airlock shows and checks: expiry ({@code exp}), audience
 * ({@code aud}) and scopes ({@code scope} or {@code scp}). Nothing else of the token is kept, so
 * that nothing else can be printed. The values were decoded, not verified: see {@link AuthorityToken}.
 *
 * @param expiresAt the {@code exp} claim
 * @param audiences the {@code aud} claim (a string or an array in the token)
 * @param scopes    the scopes ({@code scope}: space-separated, or {@code scp}: an array or a string)
 * @param checkedAt when the token was checked, for {@link #remaining()}
 */
public record TokenClaims(Instant expiresAt, List<String> audiences, List<String> scopes, Instant checkedAt) {
    /** A token that expires within this time is accepted with a warning. */
    public static final Duration SOON = Duration.ofDays(7);

    public TokenClaims {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(checkedAt, "checkedAt");
        audiences = List.copyOf(audiences);
        scopes = List.copyOf(scopes);
    }

    /** Time left until expiry at {@link #checkedAt()}. */
    public Duration remaining() {
        return Duration.between(checkedAt, expiresAt);
    }

    public boolean expiresSoon() {
        return remaining().compareTo(SOON) < 0;
    }

    /** One line for people: "expires 2026-12-25T10:00:00Z (in 30 days), audience observability, scopes obs:read". */
    public String describe() {
        Duration left = remaining();
        String in = left.toDays() >= 1 ? left.toDays() + " days" : left.toHours() >= 1 ? left.toHours() + " hours"
                : Math.max(0, left.toMinutes()) + " minutes";
        return "expires " + expiresAt + " (in " + in + (expiresSoon() ? ", SOON: issue a new one" : "") + "), audience "
                + String.join(" ", audiences) + ", scopes " + String.join(" ", scopes);
    }
}
