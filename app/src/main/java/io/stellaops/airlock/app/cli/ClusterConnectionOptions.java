package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.ConnectionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the cluster is: kubeconfig, context, timeout. */
final class ClusterConnectionOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE", order = 10,
            description = "Kubeconfig file (default: the first file of KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", order = 11,
            description = "Kubeconfig context (default: its current context). An unknown context is refused.")
    String context;

    @Option(names = "--timeout", paramLabel = "SECONDS", order = 12, defaultValue = "30",
            description = "Longest wait for one API request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    ConnectionOptions options() throws ClusterException {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new ClusterException(ClusterException.Reason.USAGE, "--timeout must be 1 to 3600 seconds");
        }
        return new ConnectionOptions(Optional.ofNullable(kubeconfig), Optional.ofNullable(context),
                Duration.ofSeconds(timeoutSeconds), ConnectionOptions.DEFAULT_RETRIES);
    }
}
