package io.stellaops.airlock.app.checklist;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the Prometheus text exposition format (and OpenMetrics) to tell a metrics page
 * from anything else: comment lines, and sample lines of a metric name, optional labels, a value
 * and an optional timestamp.
 */
final class MetricsText {
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?[ \\t]+(\\S+)([ \\t]+-?[0-9.eE+-]+)?[ \\t]*");

    /** @param samples sample lines; @param names distinct metric names */
    record Summary(int samples, int names) {
    }

    private MetricsText() {
    }

    /** @throws ProbeException {@link FailureReason#MALFORMED_RESPONSE} naming the first line that is not a sample */
    static Summary parse(String text, String source) throws ProbeException {
        int samples = 0;
        Set<String> names = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new ProbeException(FailureReason.MALFORMED_RESPONSE, source + " line " + (i + 1)
                        + " is not in the Prometheus text format: " + Printable.excerpt(line));
            }
            samples++;
            names.add(sample.group(1));
        }
        if (samples == 0) {
            throw new ProbeException(FailureReason.MALFORMED_RESPONSE, source + " holds no metric samples");
        }
        return new Summary(samples, names.size());
    }
}
