package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** The envelope of Prometheus' HTTP API: {@code {"status": "success", "data": ...}}. */
final class PrometheusApi {
    private PrometheusApi() {
    }

    /** @throws ProbeException {@link FailureReason#MALFORMED_RESPONSE} unless status is success with data */
    static JsonNode data(ProbeResponse response) throws ProbeException {
        JsonNode root = response.json();
        if (!"success".equals(root.path("status").asText()) || !root.has("data")) {
            throw new ProbeException(FailureReason.MALFORMED_RESPONSE, response.uri().getPath()
                    + " did not answer {\"status\": \"success\", \"data\": ...}"
                    + (root.has("error") ? ": " + Printable.excerpt(root.path("error").asText()) : ""));
        }
        return root.get("data");
    }

    /** @throws ProbeException {@link FailureReason#MALFORMED_RESPONSE} when {@code data.name} is not an array */
    static JsonNode array(JsonNode data, String name, URI uri) throws ProbeException {
        JsonNode array = data.path(name);
        if (!array.isArray()) {
            throw new ProbeException(FailureReason.MALFORMED_RESPONSE, uri.getPath() + ": data." + name + " is not an array");
        }
        return array;
    }
}
