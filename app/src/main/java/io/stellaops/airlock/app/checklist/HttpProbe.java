package io.stellaops.airlock.app.checklist;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Asks an HTTPS endpoint one question over mTLS with the JDK's HTTP client (TLS 1.2 or 1.3,
 * only the configured CA trusted, hostname verification on) and records it as evidence. Every
 * exchange, connect included, is bounded by the request timeout. Failures come back as a
 * {@link ProbeException} with a precise reason.
 */
public final class HttpProbe {
    static final int MAX_BODY = 16 << 20;
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final HttpClient mutual;
    private final HttpClient anonymous;
    private final String clientSubject;
    private final Duration timeout;

    HttpProbe(ClientTlsContexts contexts, Duration timeout) {
        this.mutual = client(contexts.mutual(), timeout);
        this.anonymous = client(contexts.anonymous(), timeout);
        this.clientSubject = contexts.clientSubject();
        this.timeout = timeout;
    }

    private static HttpClient client(SSLContext context, Duration timeout) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(context)
                .sslParameters(parameters)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Duration timeout() {
        return timeout;
    }

    /** GET over mTLS; {@code headers} are shown in the evidence (never pass a secret here). */
    public ProbeResponse get(URI uri, Map<String, String> headers, EvidenceLog evidence)
            throws ProbeException, InterruptedException {
        return exchange(mutual, "GET", uri, headers, null, evidence, "client certificate '" + clientSubject + "'");
    }

    /** POST of a JSON body over mTLS. */
    public ProbeResponse postJson(URI uri, Map<String, String> headers, byte[] body, EvidenceLog evidence)
            throws ProbeException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return exchange(mutual, "POST", uri, all, body, evidence, "client certificate '" + clientSubject + "'");
    }

    /**
     * Proves that the endpoint requires a client certificate: a GET without one must be refused in
     * the TLS handshake (or the connection closed before any HTTP answer).
     *
     * @throws ProbeException {@link FailureReason#TLS} "does not require a client certificate" when it
     *                        answers; the probe's own reason when it cannot be asked at all
     */
    public void requireClientCertificate(URI uri, EvidenceLog evidence) throws ProbeException, InterruptedException {
        String request = "GET " + uri + " (no client certificate: must be refused)";
        ProbeResponse response;
        try {
            response = send(anonymous, "GET", uri, Map.of(), null);
        } catch (ProbeException e) {
            boolean refused = e.reason() == FailureReason.TLS;
            evidence.add(request, refused ? "refused, as required: " + e.getMessage() : "failed: " + e.getMessage());
            if (refused) {
                return;
            }
            throw new ProbeException(e.reason(), "cannot tell whether " + uri.getHost() + " requires a client certificate: "
                    + e.getMessage());
        }
        evidence.add(request, "answered " + response.summary() + " without a client certificate");
        throw new ProbeException(FailureReason.TLS, uri.getHost() + ":" + ProbeFailures.port(uri) + " answered HTTP "
                + response.status() + " without a client certificate: the server does not require a client certificate");
    }

    private ProbeResponse exchange(HttpClient client, String method, URI uri, Map<String, String> headers, byte[] body,
            EvidenceLog evidence, String identity) throws ProbeException, InterruptedException {
        List<String> shown = new ArrayList<>();
        shown.add(identity);
        headers.forEach((name, value) -> shown.add(name + ": " + value));
        String request = method + " " + uri + " (" + String.join("; ", shown) + ")";
        try {
            ProbeResponse response = send(client, method, uri, headers, body);
            evidence.add(request, response.summary());
            return response;
        } catch (ProbeException e) {
            evidence.add(request, "failed (" + e.reason().id() + "): " + e.getMessage());
            throw e;
        }
    }

    private ProbeResponse send(HttpClient client, String method, URI uri, Map<String, String> headers, byte[] body)
            throws ProbeException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(builder.build(), CappedBody.handler(MAX_BODY));
        try {
            HttpResponse<byte[]> response = future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
            return new ProbeResponse(uri, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (ExecutionException e) {
            throw ProbeFailures.classify(e.getCause() == null ? e : e.getCause(), uri, timeout);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ProbeFailures.classify(e, uri, timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }
}
