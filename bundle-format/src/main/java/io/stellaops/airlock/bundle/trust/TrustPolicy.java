package io.stellaops.airlock.bundle.trust;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whom a verifier trusts: raw public keys, CA certificates whose end-entity certificates may sign,
 * how many distinct trusted keys must have signed (the threshold k), and optionally which signer
 * names may count at all. A policy that exists is usable: it trusts something, its threshold is
 * reachable, and no key is listed twice.
 *
 * @param keys           trusted raw keys, each key id once
 * @param cas            trusted CA certificates (trust anchors)
 * @param threshold      distinct trusted keys that must have signed, at least 1
 * @param allowedSigners names that may count (key names or certificate CNs); empty allows every trusted signer
 * @param source         the folder or trust.yaml it came from, for the report
 */
public record TrustPolicy(List<TrustedKey> keys, List<X509Certificate> cas, int threshold, Set<String> allowedSigners,
        String source) {

    public TrustPolicy {
        keys = List.copyOf(keys);
        cas = List.copyOf(cas);
        allowedSigners = Set.copyOf(allowedSigners);
        Objects.requireNonNull(source, "source");
        String problem = problem(keys, cas, threshold);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * The same policy with another threshold, as a caller's option overrides the policy's own.
     *
     * @throws BundleException {@link Failure#USAGE} when the threshold is out of range or unreachable
     */
    public TrustPolicy withThreshold(int threshold) throws BundleException {
        if (threshold < this.threshold) {
            // A command-line option may ask for more signatures than the security team's policy, never fewer.
            throw new BundleException(Failure.USAGE, source + " requires " + this.threshold
                    + " signature(s); --threshold may raise that, not lower it to " + threshold);
        }
        String problem = problem(keys, cas, threshold);
        if (problem != null) {
            throw new BundleException(Failure.USAGE, source + ": " + problem);
        }
        return new TrustPolicy(keys, cas, threshold, allowedSigners, source);
    }

    /** Why these parts make no usable policy, or null when they do. */
    static String problem(List<TrustedKey> keys, List<X509Certificate> cas, int threshold) {
        if (keys.isEmpty() && cas.isEmpty()) {
            return "trusts no key and no CA";
        }
        if (threshold < 1 || threshold > DsseEnvelope.MAX_SIGNATURES) {
            return "threshold must be between 1 and " + DsseEnvelope.MAX_SIGNATURES + ", not " + threshold;
        }
        if (cas.isEmpty() && threshold > keys.size()) {
            return "threshold " + threshold + " can never be met by " + keys.size() + " trusted key(s) and no CA";
        }
        Set<String> ids = new HashSet<>();
        for (TrustedKey key : keys) {
            if (!ids.add(key.keyId())) {
                return "key " + key.keyId() + " is listed twice (" + key.source() + "); one key is one signer";
            }
        }
        return null;
    }
}
