package io.stellaops.airlock.app.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * A Kubernetes API for the tests: fabric8's kubernetes-server-mock in CRUD mode behind
 * {@link ApplyCrudDispatcher}, on a free local port, and a kubeconfig that points at it. There is no
 * Kubernetes API server for this machine (no package provides one), so this mock stands in for it.
 */
public final class MockCluster implements AutoCloseable {
    public static final String CONTEXT = "mock";
    /** A second context of the kubeconfig, pointing at a port nothing listens on. */
    public static final String DEAD_CONTEXT = "dead";

    private final ApplyCrudDispatcher dispatcher = new ApplyCrudDispatcher();
    private final KubernetesMockServer server;

    public MockCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
    }

    public ApplyCrudDispatcher dispatcher() {
        return dispatcher;
    }

    public String url() {
        return "http://localhost:" + server.getPort();
    }

    /** A client for assertions; its requests show in {@link ApplyCrudDispatcher#requests()} too. */
    public KubernetesClient client() {
        return server.createClient();
    }

    /** Writes a kubeconfig with contexts {@value #CONTEXT} (current, this mock) and {@value #DEAD_CONTEXT}. */
    public Path writeKubeconfig(Path file) throws IOException {
        return writeKubeconfig(file, url());
    }

    /** Writes a kubeconfig whose current context {@value #CONTEXT} points at {@code server}. */
    public static Path writeKubeconfig(Path file, String server) throws IOException {
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                - name: dead
                  cluster:
                    server: http://127.0.0.1:%d
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    user: tester
                - name: dead
                  context:
                    cluster: dead
                    user: tester
                current-context: mock
                users:
                - name: tester
                  user:
                    token: kubeconfig-user-credential
                """.formatted(server, unusedPort()));
        return file;
    }

    /** A local port that nothing listens on (it was free a moment ago). */
    public static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.destroy();
    }
}
