package io.stellaops.airlock.app.pki;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An {@code openssl s_server -www} on 127.0.0.1 that demands a client certificate, started as a
 * child process and ready once it printed "ACCEPT" (bounded wait). {@link #close()} kills it; use
 * it in try-with-resources so it is killed whatever the test does.
 */
final class OpensslServer implements AutoCloseable {
    private static final long START_SECONDS = 20;

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    private OpensslServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server with the given files (relative to {@code dir}); retries on another port if the first is taken. */
    static OpensslServer start(Path dir, String cert, String key, String caFile) throws IOException, InterruptedException {
        AssertionError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Process process = new ProcessBuilder("openssl", "s_server", "-cert", cert, "-key", key, "-CAfile", caFile,
                    "-Verify", "1", "-accept", "127.0.0.1:" + port, "-www")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            OpensslServer server = new OpensslServer(process, port);
            try {
                server.awaitAccept();
                return server;
            } catch (AssertionError e) {
                server.close();
                last = e;
            }
        }
        throw last;
    }

    int port() {
        return port;
    }

    String output() {
        return output.toString();
    }

    private void awaitAccept() throws InterruptedException {
        CountDownLatch accepting = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.equals("ACCEPT")) {
                        accepting.countDown();
                    }
                }
            } catch (IOException e) {
                // The process was killed: nothing more to read.
            }
        }, "openssl-s_server-output");
        reader.setDaemon(true);
        reader.start();
        if (!accepting.await(START_SECONDS, TimeUnit.SECONDS) || !process.isAlive()) {
            throw new AssertionError("openssl s_server did not print ACCEPT within " + START_SECONDS + " s:\n" + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
