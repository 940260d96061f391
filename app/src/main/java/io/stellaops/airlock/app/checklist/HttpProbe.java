package io.stellaops.airlock.app.checklist;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SNIHostName;
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
    private final Map<String, Routed> routes = new HashMap<>();

    HttpProbe(ClientTlsContexts contexts, Duration timeout) {
        this(contexts, timeout, Map.of());
    }

    /**
     * @param forwards per logical authority ({@code loki.observability.svc:3100}) the local port-forward
     *                 that reaches it; the server's certificate must name the logical host
     */
    HttpProbe(ClientTlsContexts contexts, Duration timeout, Map<String, PortForwards.Route> forwards) {
        this.mutual = client(contexts.mutual(), timeout, null);
        this.anonymous = client(contexts.anonymous(), timeout, null);
        this.clientSubject = contexts.clientSubject();
        this.timeout = timeout;
        forwards.forEach((authority, route) -> {
            ClientTlsContexts named = contexts.forServerName(route.serverName());
            routes.put(authority, new Routed(route, client(named.mutual(), timeout, route.serverName()),
                    client(named.anonymous(), timeout, route.serverName())));
        });
    }

    /** A forwarded authority: where to connect, and the clients that verify the logical server name. */
    private record Routed(PortForwards.Route route, HttpClient mutual, HttpClient anonymous) {
    }

    /**
     * @param serverName null: verify the URL's host (the JDK's check); else the trust manager verifies
     *                   this name and it is sent as SNI
     */
    private static HttpClient client(SSLContext context, Duration timeout, String serverName) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        if (serverName == null) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        } else {
            parameters.setEndpointIdentificationAlgorithm(null);
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
        }
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
        return exchange(true, "GET", uri, headers, null, null, evidence, "client certificate '" + clientSubject + "'");
    }

    /**
     * GET over mTLS with a bearer token in {@code Authorization}; the evidence says only where the
     * token came from ({@code shownAs}), never the token.
     */
    public ProbeResponse getWithBearer(URI uri, BearerToken token, EvidenceLog evidence)
            throws ProbeException, InterruptedException {
        return exchange(true, "GET", uri, Map.of(), token, null, evidence, "client certificate '" + clientSubject + "'");
    }

    /** POST of a JSON body over mTLS. */
    public ProbeResponse postJson(URI uri, Map<String, String> headers, byte[] body, EvidenceLog evidence)
            throws ProbeException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return exchange(true, "POST", uri, all, null, body, evidence, "client certificate '" + clientSubject + "'");
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
            response = send(false, "GET", uri, Map.of(), null, null);
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

    private ProbeResponse exchange(boolean withCertificate, String method, URI uri, Map<String, String> headers,
            BearerToken token, byte[] body, EvidenceLog evidence, String identity) throws ProbeException, InterruptedException {
        List<String> shown = new ArrayList<>();
        shown.add(identity);
        headers.forEach((name, value) -> shown.add(name + ": " + value));
        if (token != null) {
            shown.add("Authorization: Bearer <" + token.shownAs() + ", not shown>");
        }
        Routed routed = routes.get(authority(uri));
        String request = method + " " + uri + " (" + String.join("; ", shown) + ")"
                + (routed == null ? "" : " through " + routed.route().describe());
        try {
            ProbeResponse response = send(withCertificate, method, uri, headers, token, body);
            evidence.add(request, response.summary());
            return response;
        } catch (ProbeException e) {
            evidence.add(request, "failed (" + e.reason().id() + "): " + e.getMessage());
            throw e;
        }
    }

    private static String authority(URI uri) {
        return uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + ProbeFailures.port(uri);
    }

    private ProbeResponse send(boolean withCertificate, String method, URI uri, Map<String, String> headers,
            BearerToken token, byte[] body) throws ProbeException, InterruptedException {
        Routed routed = routes.get(authority(uri));
        try {
            return send(routed, withCertificate, method, uri, headers, token, body);
        } catch (ProbeException e) {
            if (routed != null && routed.route().problem().isPresent()) {
                // The forward broke (the pod is gone, the port is closed): say so, not what the client saw of it.
                throw new ProbeException(FailureReason.UNREACHABLE, "the port-forward " + routed.route().describe()
                        + " failed: " + routed.route().problem().get());
            }
            throw e;
        }
    }

    private ProbeResponse send(Routed routed, boolean withCertificate, String method, URI uri, Map<String, String> headers,
            BearerToken token, byte[] body) throws ProbeException, InterruptedException {
        HttpClient client = routed == null ? (withCertificate ? mutual : anonymous)
                : (withCertificate ? routed.mutual() : routed.anonymous());
        URI target = routed == null ? uri : routed.route().local(uri);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token.value());
        }
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
