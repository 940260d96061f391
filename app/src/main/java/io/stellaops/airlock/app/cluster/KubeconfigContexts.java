package io.stellaops.airlock.app.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contexts a kubeconfig file offers and its current one, for a picker. Read with the same
 * parser and the same refusals as {@link ClusterTarget}, so what the picker offers is what an apply
 * accepts; nothing of the file's credentials is kept or quoted.
 *
 * @param file    the kubeconfig read
 * @param names   the context names, in the file's order
 * @param current the current context, if the file names one that exists
 */
public record KubeconfigContexts(Path file, List<String> names, Optional<String> current) {

    public KubeconfigContexts {
        Objects.requireNonNull(file, "file");
        names = List.copyOf(names);
        Objects.requireNonNull(current, "current");
    }

    /** Reads the contexts of {@code file}; refuses a missing, unreadable or malformed file and one without contexts. */
    public static KubeconfigContexts read(Path file) throws ClusterException {
        ClusterTarget.requireReadable(file);
        Config config = ClusterTarget.parse(file, null);
        List<String> names = ClusterTarget.contextNames(config);
        if (names.isEmpty()) {
            throw new ClusterException(Reason.REFUSED, "kubeconfig " + file + " has no contexts");
        }
        NamedContext current = config.getCurrentContext();
        Optional<String> currentName = current == null ? Optional.empty()
                : Optional.ofNullable(current.getName()).filter(names::contains);
        return new KubeconfigContexts(file, names, currentName);
    }
}
