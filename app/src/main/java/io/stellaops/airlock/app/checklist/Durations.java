package io.stellaops.airlock.app.checklist;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Prometheus, Loki and Tempo write them: a sequence of number-unit pairs such as
 * {@code 720h}, {@code 1h30m}, {@code 30d}, {@code 500ms}, with units ms, s, m, h, d (24h), w (7d)
 * and y (365d). Go's own format (Tempo) is the subset without d, w and y.
 */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]{1,9}(?:ms|s|m|h|d|w|y))+");
    private static final Pattern PART = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d|w|y)");

    private Durations() {
    }

    /** The duration, or empty when the text is not one (or is zero length). */
    public static Optional<Duration> parse(String text) {
        String value = text.strip();
        if (!WHOLE.matcher(value).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                case "w" -> Duration.ofDays(7 * amount);
                default -> Duration.ofDays(365 * amount);
            });
        }
        return Optional.of(total);
    }

    /** In the largest whole unit among h, m, s and ms: {@code 720h}, {@code 90s}, {@code 1500ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return String.format(Locale.ROOT, "%dms", millis);
    }
}
