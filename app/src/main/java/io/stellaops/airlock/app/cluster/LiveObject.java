package io.stellaops.airlock.app.cluster;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the cluster has for one object of the plan, reduced to what the diff needs: labels,
 * annotations, the Secret type, and per data key the SHA-256 of its value (never the value).
 *
 * @param labels      the live labels
 * @param annotations the live annotations
 * @param type        the Secret's type, if it is a Secret
 * @param digests     key to SHA-256 of the live value ({@code data} and {@code binaryData})
 */
public record LiveObject(Map<String, String> labels, Map<String, String> annotations, Optional<String> type,
                         SortedMap<String, String> digests) {
    public LiveObject {
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = annotations == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(annotations));
        digests = Collections.unmodifiableSortedMap(new TreeMap<>(digests));
    }

    /** True when the object carries {@code app.kubernetes.io/managed-by: airlock}. */
    public boolean managedByAirlock() {
        return ClusterPlan.MANAGER.equals(labels.get(ClusterPlan.MANAGED_BY_LABEL));
    }
}
