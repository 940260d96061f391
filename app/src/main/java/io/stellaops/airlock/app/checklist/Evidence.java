package io.stellaops.airlock.app.checklist;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a check asked and what came back, for the report: a request such as
 * {@code GET https://prometheus:9090/api/v1/targets (client certificate CN=observability-prometheus)}
 * or {@code read tls/client.crt}, and a summary of the answer. Never a secret: headers marked
 * secret are shown as "(not shown)", key files are named, never read into evidence.
 *
 * @param request  what was asked (method and URL, or the file read)
 * @param response a summary of the answer
 * @param at       when the answer came
 */
public record Evidence(String request, String response, Instant at) {
    public Evidence {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(at, "at");
        request = Printable.clean(request);
        response = Printable.clean(response);
    }
}
