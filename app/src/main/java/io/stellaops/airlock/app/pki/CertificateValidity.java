package io.stellaops.airlock.app.pki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a certificate is valid, in whole seconds as X.509 records it. New dev material starts five
 * minutes in the past, so that a server or client whose clock runs a little behind still accepts it.
 *
 * @param notBefore first valid second
 * @param notAfter  last valid second
 */
public record CertificateValidity(Instant notBefore, Instant notAfter) {
    /** How far before "now" new certificates start. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);

    public CertificateValidity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }

    /** From the clock's now minus {@link #BACKDATE} to now plus {@code days}. */
    public static CertificateValidity fromNow(Clock clock, int days) {
        Instant now = clock.instant();
        return new CertificateValidity(now.minus(BACKDATE), now.plus(Duration.ofDays(days)));
    }

    public boolean contains(CertificateValidity other) {
        return !other.notBefore.isBefore(notBefore) && !other.notAfter.isAfter(notAfter);
    }
}
