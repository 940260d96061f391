package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.manifest.CanonicalJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pushes one sample log line for a tenant through Loki's push API ({@code POST /loki/api/v1/push},
 * JSON streams) and reads it back with a range query ({@code GET /loki/api/v1/query_range}) with the
 * same tenant header, retrying a few times while the line becomes queryable.
 */
final class LokiSample {
    static final String JOB = "airlock-checklist";
    private static final int READ_ATTEMPTS = 5;
    private static final Duration PAUSE = Duration.ofMillis(400);

    private final HttpProbe probe;
    private final URI loki;
    private final String header;
    private final Clock clock;

    LokiSample(HttpProbe probe, URI loki, String header, Clock clock) {
        this.probe = probe;
        this.loki = loki;
        this.header = header;
        this.clock = clock;
    }

    /**
     * @param run a unique id for this push, a label of the stream
     * @return how many read attempts it took
     */
    int pushAndReadBack(String tenant, String run, EvidenceLog evidence) throws ProbeException, InterruptedException {
        Instant at = clock.instant();
        String line = "airlock checklist retention probe " + run;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode stream = body.putArray("streams").addObject();
        stream.putObject("stream").put("job", JOB).put("run", run);
        stream.putArray("values").addArray().add(nanos(at)).add(line);
        probe.postJson(Urls.resolve(loki, "/loki/api/v1/push"), Map.of(header, tenant), CanonicalJson.write(body), evidence)
                .expect(204, 200);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("query", "{job=\"" + JOB + "\",run=\"" + run + "\"}");
        query.put("start", nanos(at.minus(Duration.ofMinutes(5))));
        query.put("end", nanos(at.plus(Duration.ofMinutes(5))));
        query.put("limit", "10");
        URI uri = Urls.resolve(loki, "/loki/api/v1/query_range", query);
        for (int attempt = 1; ; attempt++) {
            JsonNode data = PrometheusApi.data(probe.get(uri, Map.of(header, tenant), evidence).expect(200));
            if (contains(PrometheusApi.array(data, "result", uri), line)) {
                evidence.add("find the pushed line in the answer", "found after " + attempt + " attempt(s)");
                return attempt;
            }
            if (attempt == READ_ATTEMPTS) {
                throw new ProbeException(FailureReason.UNEXPECTED, "Loki accepted the sample line for tenant " + tenant
                        + " but did not return it in " + READ_ATTEMPTS + " queries");
            }
            Thread.sleep(PAUSE.toMillis());
        }
    }

    private static boolean contains(JsonNode result, String line) {
        for (JsonNode stream : result) {
            for (JsonNode value : stream.path("values")) {
                if (line.equals(value.path(1).asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nanos(Instant at) {
        return at.getEpochSecond() + String.format(Locale.ROOT, "%09d", at.getNano());
    }
}
