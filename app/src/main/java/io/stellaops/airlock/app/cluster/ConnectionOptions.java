package io.stellaops.airlock.app.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the cluster: the kubeconfig file and context (the operator's choice; by default
 * {@code KUBECONFIG} or {@code ~/.kube/config} and its current context) and how long to wait.
 *
 * @param kubeconfig the kubeconfig file, if given
 * @param context    the context, if given
 * @param timeout    the longest wait for one API request (also the connect timeout)
 * @param retries    how often a request that failed on the network or with a 5xx is tried again
 */
public record ConnectionOptions(Optional<Path> kubeconfig, Optional<String> context, Duration timeout, int retries) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 2;

    public ConnectionOptions {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
    }

    public static ConnectionOptions defaults() {
        return new ConnectionOptions(Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_RETRIES);
    }
}
