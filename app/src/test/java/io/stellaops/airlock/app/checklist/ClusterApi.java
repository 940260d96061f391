package io.stellaops.airlock.app.checklist;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.stellaops.airlock.app.cluster.MockCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kubernetes API for the checklist's cluster tests: fabric8's mock server (there is no Kubernetes
 * API server on this machine) with a dispatcher that serves fixed objects by path and answers a
 * pod's {@code portforward} with a websocket that really bridges the Kubernetes port-forward
 * protocol (channel 0 data, channel 1 errors, each opened with the port) to a real local TCP server.
 * So a forward opened by fabric8's client carries real TLS bytes to a real HTTPS server; only the
 * API server in the middle is a stand-in.
 */
final class ClusterApi implements AutoCloseable {
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final Map<String, Integer> bridges = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger openBridges = new AtomicInteger();
    private final KubernetesMockServer server;

    ClusterApi() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        }, false);
        server.init();
    }

    /** Serves {@code json} at {@code path} (no query). */
    ClusterApi object(String path, String json) {
        objects.put(path, json);
        return this;
    }

    /** A pod that exists and whose {@code port} leads to 127.0.0.1:{@code localPort}. */
    ClusterApi pod(String namespace, String name, int port, int localPort) {
        object("/api/v1/namespaces/" + namespace + "/pods/" + name, """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "%s", "namespace": "%s"}}""".formatted(name, namespace));
        bridges.put("/api/v1/namespaces/" + namespace + "/pods/" + name + "/portforward?ports=" + port, localPort);
        return this;
    }

    /**
     * A service whose selector {@code app=NAME} matches the pod {@code pod} (which must be added with
     * {@link #pod}); its {@code port} targets the same port of the pod.
     */
    ClusterApi service(String namespace, String name, int port, String pod) {
        object("/api/v1/namespaces/" + namespace + "/services/" + name, """
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "%s", "namespace": "%s"},
                 "spec": {"selector": {"app": "%s"}, "ports": [{"name": "http", "port": %d, "targetPort": %d}]}}"""
                .formatted(name, namespace, name, port, port));
        return object("/api/v1/namespaces/" + namespace + "/pods", """
                {"apiVersion": "v1", "kind": "PodList", "metadata": {}, "items": [{"apiVersion": "v1", "kind": "Pod",
                 "metadata": {"name": "%s", "namespace": "%s", "labels": {"app": "%s"}},
                 "status": {"phase": "Running", "conditions": [{"type": "Ready", "status": "True"}]}}]}"""
                .formatted(pod, namespace, name));
    }

    /** The TLS secret with these PEM files as {@code tls.crt} and {@code ca.crt} (and a dummy key). */
    ClusterApi tlsSecret(String namespace, String name, byte[] tlsCrt, byte[] caCrt) {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        return object("/api/v1/namespaces/" + namespace + "/secrets/" + name, """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "%s", "namespace": "%s"}, "type": "kubernetes.io/tls",
                 "data": {"tls.crt": "%s", "ca.crt": "%s", "tls.key": "%s"}}""".formatted(name, namespace,
                base64.encodeToString(tlsCrt), base64.encodeToString(caCrt), base64.encodeToString("not a key".getBytes())));
    }

    List<String> requests() {
        return requests;
    }

    /** Port-forward connections whose bridge is still open. */
    int openBridges() {
        return openBridges.get();
    }

    Path writeKubeconfig(Path file) throws IOException {
        return MockCluster.writeKubeconfig(file, "http://localhost:" + server.getPort());
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getPath();
        requests.add(request.getMethod() + " " + path);
        Integer bridge = bridges.get(path);
        if (bridge != null) {
            return new MockResponse().withWebSocketUpgrade(new Bridge(bridge, Integer.parseInt(path.substring(
                    path.indexOf("ports=") + 6))));
        }
        int query = path.indexOf('?');
        String json = objects.get(query < 0 ? path : path.substring(0, query));
        if (json == null) {
            return new MockResponse().setResponseCode(404).setBody("""
                    {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound", "code": 404,
                     "message": "not found"}""");
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(json);
    }

    @Override
    public void close() {
        server.destroy();
    }

    /** One port-forward connection: the websocket on one side, a real TCP connection on the other. */
    private final class Bridge extends WebSocketListener {
        private final int localPort;
        private final int remotePort;
        private volatile Socket socket;

        Bridge(int localPort, int remotePort) {
            this.localPort = localPort;
            this.remotePort = remotePort;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            byte[] port = {(byte) (remotePort & 0xff), (byte) (remotePort >> 8)};
            webSocket.send(new byte[] {0, port[0], port[1]});
            webSocket.send(new byte[] {1, port[0], port[1]});
            try {
                socket = new Socket(InetAddress.getLoopbackAddress(), localPort);
            } catch (IOException e) {
                webSocket.send(concat((byte) 1, ("cannot connect to port " + remotePort).getBytes()));
                webSocket.close(1000, "");
                return;
            }
            openBridges.incrementAndGet();
            Thread reader = new Thread(() -> pump(webSocket), "port-forward-bridge-" + localPort);
            reader.setDaemon(true);
            reader.start();
        }

        private void pump(WebSocket webSocket) {
            byte[] buffer = new byte[16384];
            try (InputStream in = socket.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    webSocket.send(concat((byte) 0, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // The other side closed: end the websocket too.
            } finally {
                webSocket.close(1000, "");
                closeSocket();
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            onMessage(webSocket, bytes.toByteArray());
        }

        @Override
        public void onMessage(WebSocket webSocket, byte[] bytes) {
            if (bytes.length > 1 && bytes[0] == 0 && socket != null) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(bytes, 1, bytes.length - 1);
                    out.flush();
                } catch (IOException e) {
                    closeSocket();
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closeSocket();
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            closeSocket();
        }

        private synchronized void closeSocket() {
            if (socket != null && !socket.isClosed()) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closed either way.
                }
                openBridges.decrementAndGet();
            }
        }

        private static byte[] concat(byte channel, byte[] data) {
            byte[] frame = new byte[data.length + 1];
            frame[0] = channel;
            System.arraycopy(data, 0, frame, 1, data.length);
            return frame;
        }
    }
}
