package io.stellaops.airlock.app.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The desired state: the namespace first, then the Secrets and ConfigMaps, all labelled
 * {@code app.kubernetes.io/managed-by: airlock} and annotated with the source digest. Closing the
 * plan wipes the Secret values it holds.
 *
 * @param namespace    the target namespace
 * @param objects      the objects in apply order
 * @param source       where the bundle files came from
 * @param token        the checked claims of the Authority token (decoded, not verified)
 * @param certificates what the TLS certificates are
 */
public record ClusterPlan(String namespace, List<DesiredObject> objects, PlanSource source, TokenClaims token,
                          List<TlsMaterial.CertificateSummary> certificates) implements AutoCloseable {
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "airlock";
    public static final String BUNDLE_ANNOTATION = "airlock.stellaops.io/bundle-sha256";
    public static final String SOURCE_ANNOTATION = "airlock.stellaops.io/source";

    public ClusterPlan {
        Objects.requireNonNull(namespace, "namespace");
        objects = List.copyOf(objects);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(token, "token");
        certificates = List.copyOf(certificates);
    }

    /** Every Secret value of the plan, for scrubbing messages that came from elsewhere. */
    public Redactor redactor() {
        return new Redactor(objects.stream().flatMap(o -> o.data().values().stream()).filter(DataValue::secret)
                .map(DataValue::bytes).toList());
    }

    @Override
    public void close() {
        objects.forEach(o -> o.data().values().forEach(DataValue::destroy));
    }
}
