package io.stellaops.airlock.app.checklist;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.stellaops.airlock.app.checklist.ChecklistConfig.ClusterAccess;
import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.ClusterTarget;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates of the live TLS secret ({@code stellaops-otel-tls-stage}): its {@code tls.crt} and
 * {@code ca.crt} only, read either from the cluster through fabric8 or from a folder holding a copy
 * ({@code --live-tls}). {@code tls.key} is never kept: the secret's other keys are dropped as soon as
 * it is read.
 *
 * @param source     where it came from, for evidence and messages
 * @param tlsCrt     the PEM of {@code tls.crt}, absent when the secret lacks it
 * @param caCrt      the PEM of {@code ca.crt}, absent when the secret lacks it
 * @param copy       read from local files ({@code --live-tls}), not from the cluster
 */
record LiveSecret(String source, Optional<byte[]> tlsCrt, Optional<byte[]> caCrt, boolean copy) {

    /** Reads {@code DIR/tls.crt} and, when present, {@code DIR/ca.crt}. */
    static LiveSecret fromFolder(Path directory) throws BundleException {
        Path tls = directory.resolve("tls.crt");
        if (!Files.isRegularFile(tls)) {
            throw new BundleException(Failure.UNREADABLE, tls + " does not exist");
        }
        Path ca = directory.resolve("ca.crt");
        return new LiveSecret("the copy in " + directory, Optional.of(PemFiles.readCapped(tls)),
                Files.isRegularFile(ca) ? Optional.of(PemFiles.readCapped(ca)) : Optional.empty(), true);
    }

    /**
     * Reads the secret through the cluster's API.
     *
     * @throws ProbeException {@link FailureReason#LOCAL_FILE} for a kubeconfig that cannot be used,
     *                        {@link FailureReason#UNREACHABLE} when the API cannot be asked or the secret does not exist
     */
    static LiveSecret fromCluster(ClusterAccess access, Map<String, String> env, Path home) throws ProbeException {
        ClusterTarget target;
        try {
            target = ClusterTarget.resolve(access.connection(), env, home);
        } catch (ClusterException e) {
            throw new ProbeException(FailureReason.LOCAL_FILE, e.getMessage());
        }
        String name = "secret " + access.namespace() + "/" + access.tlsSecret() + " of " + target.describe();
        Secret secret;
        try (KubernetesClient client = target.connect()) {
            secret = client.secrets().inNamespace(access.namespace()).withName(access.tlsSecret()).get();
        } catch (KubernetesClientException e) {
            throw new ProbeException(FailureReason.UNREACHABLE, "cannot read " + name + ": " + ApiMessages.of(e));
        }
        if (secret == null) {
            throw new ProbeException(FailureReason.UNEXPECTED, name + " does not exist");
        }
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        try {
            return new LiveSecret(name, decode(data.get("tls.crt")), decode(data.get("ca.crt")), false);
        } catch (IllegalArgumentException e) {
            throw new ProbeException(FailureReason.MALFORMED_RESPONSE, name + " holds a value that is not base64");
        }
    }

    private static Optional<byte[]> decode(String value) {
        return value == null ? Optional.empty() : Optional.of(Base64.getDecoder().decode(value));
    }
}
