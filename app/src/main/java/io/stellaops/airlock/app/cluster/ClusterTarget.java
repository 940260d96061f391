package io.stellaops.airlock.app.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster an apply talks to, resolved from the kubeconfig and context before anything is sent:
 * a missing kubeconfig, an unknown context or a context without a server is refused here, so a
 * typo never ends up talking to whatever the current context happens to be.
 *
 * <p>The kubeconfig is {@code --kubeconfig}, else the first existing file of {@code KUBECONFIG}
 * (files are not merged as kubectl does), else {@code ~/.kube/config}.
 *
 * @param kubeconfig the file read
 * @param context    the context used
 * @param server     the API server URL of that context
 * @param config     the fabric8 client configuration
 */
public record ClusterTarget(Path kubeconfig, String context, String server, Config config) {

    /** Resolves the target of {@code options}; {@code env} and {@code home} stand for the process's, for tests. */
    public static ClusterTarget resolve(ConnectionOptions options, Map<String, String> env, Path home) throws ClusterException {
        Path file = kubeconfig(options, env, home);
        Config config = parse(file, options.context().orElse(null));
        List<String> contexts = contextNames(config);
        String context;
        if (options.context().isPresent()) {
            context = options.context().get();
            if (!contexts.contains(context)) {
                throw new ClusterException(Reason.USAGE, "context '" + context + "' is not in kubeconfig " + file
                        + " (it has: " + (contexts.isEmpty() ? "none" : String.join(", ", contexts)) + ")");
            }
        } else {
            NamedContext current = config.getCurrentContext();
            if (current == null || current.getName() == null) {
                throw new ClusterException(Reason.USAGE, "kubeconfig " + file + " has no current context; choose one with"
                        + " --context (it has: " + (contexts.isEmpty() ? "none" : String.join(", ", contexts)) + ")");
            }
            context = current.getName();
        }
        String server = config.getMasterUrl();
        if (server == null || server.isBlank()) {
            throw new ClusterException(Reason.REFUSED, "context '" + context + "' of kubeconfig " + file + " names no server");
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        config.setRequestTimeout(millis);
        config.setConnectionTimeout(millis);
        config.setRequestRetryBackoffLimit(options.retries());
        config.setRequestRetryBackoffInterval(250);
        return new ClusterTarget(file, context, server, config);
    }

    /**
     * Parses a kubeconfig with fabric8, as {@code context} (null: its current context). The parser's
     * own message is not passed on: it may quote the file, which holds credentials.
     */
    static Config parse(Path file, String context) throws ClusterException {
        try {
            return Config.fromKubeconfig(context, file.toFile());
        } catch (RuntimeException e) {
            throw new ClusterException(Reason.REFUSED, "kubeconfig " + file + " cannot be read as a kubeconfig file");
        }
    }

    /** The names of a parsed kubeconfig's contexts, in the file's order. */
    static List<String> contextNames(Config config) {
        return config.getContexts() == null ? List.of()
                : config.getContexts().stream().map(NamedContext::getName).filter(Objects::nonNull).toList();
    }

    /** A kubeconfig the user named must exist and be readable. */
    static void requireReadable(Path file) throws ClusterException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ClusterException(Reason.UNREADABLE, "kubeconfig " + file + " does not exist or is not readable");
        }
    }

    private static Path kubeconfig(ConnectionOptions options, Map<String, String> env, Path home) throws ClusterException {
        if (options.kubeconfig().isPresent()) {
            Path file = options.kubeconfig().get();
            requireReadable(file);
            return file;
        }
        String list = env.get("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            Optional<Path> first = Arrays.stream(list.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                    .filter(Files::isRegularFile).findFirst();
            return first.orElseThrow(() -> new ClusterException(Reason.UNREADABLE, "no file of KUBECONFIG (" + list
                    + ") exists; pass --kubeconfig FILE"));
        }
        Path standard = home.resolve(".kube").resolve("config");
        if (!Files.isRegularFile(standard)) {
            throw new ClusterException(Reason.UNREADABLE, "no kubeconfig: " + standard + " does not exist and KUBECONFIG is"
                    + " not set; pass --kubeconfig FILE");
        }
        return standard;
    }

    /** A client for this target; the caller closes it. */
    public KubernetesClient connect() {
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** "https://10.0.0.1:6443 (context stage)". */
    public String describe() {
        return server + " (context " + context + ")";
    }
}
