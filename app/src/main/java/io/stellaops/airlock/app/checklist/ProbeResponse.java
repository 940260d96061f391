package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import io.stellaops.airlock.bundle.manifest.StrictJson;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * An HTTP answer a probe received: status, content type and body (capped).
 *
 * @param uri         what was asked
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or empty
 * @param body        the body
 */
public record ProbeResponse(URI uri, int status, String contentType, byte[] body) {
    private static final int MAX_JSON_DEPTH = 64;

    public ProbeResponse {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String text() {
        return new String(body, UTF_8);
    }

    /** "200, application/json, 1532 bytes": for evidence. */
    public String summary() {
        return status + (contentType.isEmpty() ? "" : ", " + contentType) + ", " + body.length + " bytes";
    }

    /**
     * @throws ProbeException {@link FailureReason#HTTP_STATUS} with the start of the body when the
     *                        status is not one of {@code expected}
     */
    public ProbeResponse expect(int... expected) throws ProbeException {
        if (Arrays.stream(expected).noneMatch(s -> s == status)) {
            String excerpt = Printable.excerpt(text());
            throw new ProbeException(FailureReason.HTTP_STATUS, uri.getPath() + " answered HTTP " + status + " (expected "
                    + String.join(" or ", Arrays.stream(expected).mapToObj(Integer::toString).toList()) + ")"
                    + (excerpt.isEmpty() ? "" : ": " + excerpt));
        }
        return this;
    }

    /** @throws ProbeException {@link FailureReason#MALFORMED_RESPONSE} when the body is not one JSON document */
    public JsonNode json() throws ProbeException {
        JsonFields fields = new JsonFields(uri.getPath());
        try {
            return StrictJson.parse(StrictJson.jsonFactory(StrictJson.constraints(body.length + 1, body.length + 1,
                    MAX_JSON_DEPTH)), body, fields);
        } catch (BundleException e) {
            throw new ProbeException(FailureReason.MALFORMED_RESPONSE, "the answer of " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProbeResponse r && r.uri.equals(uri) && r.status == status
                && r.contentType.equals(contentType) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "ProbeResponse[" + uri + ", " + summary() + "]";
    }
}
