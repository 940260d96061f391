package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.Limits;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How strictly to verify.
 *
 * @param limits    hard caps, whatever the manifest claims
 * @param clock     the verifier's notion of now (injectable for tests)
 * @param clockSkew how far in the future a bundle's {@code createdAt} may lie, for clocks that drift
 */
public record VerifyOptions(Limits limits, Clock clock, Duration clockSkew) {
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    public VerifyOptions {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must be zero or positive");
        }
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(Limits.DEFAULT, Clock.systemUTC(), DEFAULT_CLOCK_SKEW);
    }
}
