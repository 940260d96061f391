package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.app.cluster.AuthorityToken;
import io.stellaops.airlock.app.cluster.ClusterException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Authority bearer token the collector wants from Prometheus (the scrape config's
 * {@code authorization: {type: Bearer, credentials_file: /etc/telemetry/auth/token}}), read from the
 * file of secret {@code stellaops-prometheus-token}. Only {@link HttpProbe} reads {@link #value()},
 * to put it in the request; evidence, messages and {@link #toString()} name the file instead.
 */
final class BearerToken {
    private final String value;
    private final String shownAs;

    private BearerToken(String value, String shownAs) {
        this.value = value;
        this.shownAs = shownAs;
    }

    /**
     * Reads and checks the token as {@code cluster apply} does: a JWT for audience {@code observability}
     * with scope {@code obs:read}, not expired.
     *
     * @throws ClusterException naming the file and the claim that is wrong, never the token
     */
    static BearerToken read(Path file, Clock clock) throws ClusterException {
        AuthorityToken token = AuthorityToken.read(file, AuthorityToken.AUDIENCE, AuthorityToken.PROMETHEUS_SCOPE, clock);
        byte[] compact = token.value();
        try {
            return new BearerToken(new String(compact, StandardCharsets.US_ASCII), "token of " + file);
        } finally {
            Arrays.fill(compact, (byte) 0);
            token.destroy();
        }
    }

    /** For the tests: a token held in memory. */
    static BearerToken of(String value, String shownAs) {
        return new BearerToken(Objects.requireNonNull(value), Objects.requireNonNull(shownAs));
    }

    String value() {
        return value;
    }

    /** Where the token came from, for evidence. */
    String shownAs() {
        return shownAs;
    }

    @Override
    public String toString() {
        return "BearerToken[" + shownAs + "]";
    }
}
