package io.stellaops.airlock.bundle.build;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The defaults an operator gets when leaving a build option out, shared by the CLI and the
 * wizard: creation time from {@code SOURCE_DATE_EPOCH} or the clock (whole seconds), a generation
 * that grows with time (the creation time in epoch seconds, so that a later build is always newer),
 * a version from the creation date, and 90 days of validity.
 */
public final class BuildDefaults {
    public static final String NAME = "telemetry-offline-bundle";
    public static final Duration VALIDITY = Duration.ofDays(90);
    private static final DateTimeFormatter VERSION_FORMAT =
            DateTimeFormatter.ofPattern("yyyy.MM.dd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern SHORT_DURATION = Pattern.compile("([1-9][0-9]{0,5})([smhdw])");
    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS,
            "d", ChronoUnit.DAYS, "w", ChronoUnit.WEEKS);

    private BuildDefaults() {
    }

    /**
     * The creation time: {@code explicit} when given (RFC 3339, or epoch seconds), else
     * {@code SOURCE_DATE_EPOCH} when set, else the clock, truncated to seconds.
     */
    public static Instant createdAt(String explicit, String sourceDateEpoch, Clock clock) throws BundleException {
        if (explicit != null && !explicit.isBlank()) {
            return parseTime(explicit.trim(), "--created-at");
        }
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            return parseTime(sourceDateEpoch.trim(), "SOURCE_DATE_EPOCH");
        }
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public static String version(Instant createdAt) {
        return VERSION_FORMAT.format(createdAt);
    }

    public static long generation(Instant createdAt) {
        return Math.max(1, createdAt.getEpochSecond());
    }

    /** Parses "90d", "12h", "30m", "45s", "2w" or an ISO-8601 duration such as "P90D". */
    public static Duration parseDuration(String text) throws BundleException {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SHORT_DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            return UNITS.get(m.group(2)).getDuration().multipliedBy(Long.parseLong(m.group(1)));
        }
        try {
            Duration duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            if (duration.isNegative() || duration.isZero()) {
                throw new BundleException(Failure.USAGE, "duration '" + trimmed + "' must be positive");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new BundleException(Failure.USAGE, "duration '" + trimmed
                    + "' is not of the form 90d, 12h, 30m, 45s, 2w or P90D");
        }
    }

    private static Instant parseTime(String text, String option) throws BundleException {
        if (text.matches("[0-9]{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e2) {
                throw new BundleException(Failure.USAGE, option + " '" + text
                        + "' is neither epoch seconds nor an RFC 3339 time such as 2026-01-31T12:00:00Z");
            }
        }
    }
}
