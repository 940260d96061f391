package io.stellaops.airlock.app.ui.bootstrap;

import io.stellaops.airlock.app.cluster.ConnectionOptions;
import io.stellaops.airlock.app.cluster.PlanRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cluster steps send to {@link ClusterService}: the inputs of {@code airlock cluster plan}
 * and the connection of {@code cluster apply}, taken from the model when a task starts, so that a
 * task never reads a field the user changes meanwhile.
 *
 * @param tlsDir     the TLS folder of the first step
 * @param tokenFile  the token file of the second step
 * @param source     the kit's active bundle or a source folder
 * @param namespace  the target namespace
 * @param kubeconfig the kubeconfig file
 * @param context    the context of that file
 */
public record ClusterInputs(Path tlsDir, Path tokenFile, PlanRequest.Source source, String namespace, Path kubeconfig,
        String context) {

    public ClusterInputs {
        Objects.requireNonNull(tlsDir, "tlsDir");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
    }

    PlanRequest request(Clock clock) {
        return new PlanRequest(tlsDir, tokenFile, source, namespace, Optional.empty(), clock);
    }

    ConnectionOptions connection() {
        return connection(kubeconfig, context);
    }

    static ConnectionOptions connection(Path kubeconfig, String context) {
        return new ConnectionOptions(Optional.of(kubeconfig), Optional.of(context), ConnectionOptions.DEFAULT_TIMEOUT,
                ConnectionOptions.DEFAULT_RETRIES);
    }
}
