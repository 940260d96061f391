package io.stellaops.airlock.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's CRUD mock (kubernetes-server-mock 8.0.0) with the two parts of the API it lacks and
 * Airlock uses, plus injected failures. No Kubernetes API server exists for this machine, so this
 * is the cluster of the tests.
 *
 * <p>What the CRUD mock does, as we found by running it: a PATCH with {@code Content-Type:
 * application/apply-patch+yaml} (server-side apply) is answered 415 when the object exists and 404
 * when it does not; {@code dryRun=All} is ignored, so a dry-run create really creates. This
 * dispatcher therefore emulates, and only for the apply path:
 * <ul>
 * <li>server-side apply: create when missing (POST to the CRUD store), otherwise a JSON merge patch of
 * the applied object (data keys replaced or added, others kept: what SSA does for keys owned by
 * another manager; field-manager bookkeeping is not emulated);</li>
 * <li>{@code dryRun=All}: answered as the write would be, without storing anything.</li>
 * </ul>
 * Everything else (GET, POST, PUT, merge patches) is the CRUD mock's own behaviour. A fault
 * ({@link #fail}) answers matching requests with an HTTP error instead, for failure tests.
 */
public final class ApplyCrudDispatcher extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** A failure to inject: requests with {@code method} whose path contains {@code pathPart} get {@code code}. */
    public record Fault(String method, String pathPart, boolean dryRunToo, int code, String message) {
    }

    /** Answers the next matching requests with {@code code} until {@link #clearFaults()}. */
    public void fail(String method, String pathPart, boolean dryRunToo, int code) {
        fail(method, pathPart, dryRunToo, code, "injected " + code + " by the test");
    }

    /** The same, with the Status message the server sends (a server may echo what it was sent). */
    public void fail(String method, String pathPart, boolean dryRunToo, int code, String message) {
        faults.add(new Fault(method, pathPart, dryRunToo, code, message));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Every request received, as "METHOD path?query". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getPath();
        requests.add(method + " " + path);
        boolean dryRun = path.contains("dryRun=All");
        String plainPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        for (Fault fault : faults) {
            if (fault.method().equals(method) && path.contains(fault.pathPart()) && (!dryRun || fault.dryRunToo())) {
                return status(fault.code(), fault.message());
            }
        }
        String contentType = request.getHeader("Content-Type");
        boolean apply = "PATCH".equals(method) && contentType != null && contentType.startsWith("application/apply-patch");
        String body = request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        if (apply) {
            MockResponse existing = crud.handleGet(plainPath);
            if (dryRun) {
                return existing.code() == 200 ? json(200, merge(existing.getBody().readUtf8(), body)) : json(201, body);
            }
            if (existing.code() == 404) {
                String collection = plainPath.substring(0, plainPath.lastIndexOf('/'));
                return crud.dispatch(forward(HttpMethod.POST, collection, "application/json", body));
            }
            return crud.dispatch(forward(HttpMethod.PATCH, plainPath, "application/merge-patch+json", body));
        }
        if (dryRun) {
            return json("POST".equals(method) ? 201 : 200, body);
        }
        return crud.dispatch(request);
    }

    private static RecordedRequest forward(HttpMethod method, String path, String contentType, String body) {
        Headers headers = Headers.builder().add("Content-Type", contentType).build();
        return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String merge(String existing, String patch) {
        try {
            ObjectNode target = (ObjectNode) JSON.readTree(existing);
            mergeInto(target, JSON.readTree(patch));
            return JSON.writeValueAsString(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mergeInto(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = target.get(field.getKey());
            if (current instanceof ObjectNode object && field.getValue().isObject()) {
                mergeInto(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse status(int code, String message) {
        String reason = switch (code) {
            case 403 -> "Forbidden";
            case 409 -> "Conflict";
            case 422 -> "Invalid";
            default -> "InternalError";
        };
        return json(code, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
                + "\",\"code\":" + code + ",\"message\":" + quote(message) + "}");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
