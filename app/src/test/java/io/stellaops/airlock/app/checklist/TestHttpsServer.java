package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.stellaops.airlock.app.pki.TlsKeys;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A JDK {@code HttpsServer} on 127.0.0.1 and a free port chosen by the system, serving the given
 * handlers with a server certificate and, when asked, requiring a client certificate from the CA.
 * Handlers run on a pool of daemon threads, so one that hangs ({@link #hang}) blocks nobody else;
 * {@link #close()} releases hanging handlers and stops the server.
 */
final class TestHttpsServer implements AutoCloseable {
    private final HttpsServer server;
    private final ExecutorService executor;
    private final CountDownLatch closed = new CountDownLatch(1);

    private TestHttpsServer(HttpsServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static TestHttpsServer start(Path certificate, Path key, Path ca, boolean requireClientCertificate) throws Exception {
        SSLContext context = context(certificate, key, ca);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(requireClientCertificate);
                params.setSSLParameters(parameters);
            }
        });
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-https");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new TestHttpsServer(server, executor);
    }

    private static SSLContext context(Path certificate, Path key, Path ca) throws Exception {
        char[] password = "test".toCharArray();
        List<X509Certificate> chain = Certificates.readChain(certificate);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", TlsKeys.read(key), password, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        List<X509Certificate> cas = Certificates.fromPem(PemFiles.read(ca), ca.toString());
        for (int i = 0; i < cas.size(); i++) {
            trusted.setCertificateEntry("ca" + i, cas.get(i));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    TestHttpsServer handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** A handler that never answers (until the server closes). */
    HttpHandler hang() {
        return exchange -> {
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code https://127.0.0.1:PORT}. */
    URI uri() {
        return URI.create("https://127.0.0.1:" + port());
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        if (!contentType.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
