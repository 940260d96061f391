package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.trust.DsseAuthenticator;
import io.stellaops.airlock.bundle.trust.TrustPolicies;
import io.stellaops.airlock.bundle.trust.TrustPolicy;
import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --trust} and {@code --threshold}: the trust policy that decides the signature step. */
final class TrustOptions {
    @Option(names = "--trust", paramLabel = "PATH",
            description = "Trust policy: a folder of PEM public keys and CA certificates, or a trust.yaml.")
    Path trust;

    @Option(names = "--threshold", paramLabel = "K",
            description = "Distinct trusted keys that must have signed (default: the policy's threshold, else 1).")
    Integer threshold;

    boolean present() {
        return trust != null;
    }

    /** The signature step of this policy, or none (integrity only) without {@code --trust}. */
    ManifestAuthenticator authenticator(Limits limits) throws BundleException {
        if (trust == null) {
            if (threshold != null) {
                throw new BundleException(io.stellaops.airlock.bundle.Failure.USAGE, "--threshold needs --trust");
            }
            return ManifestAuthenticator.NONE;
        }
        TrustPolicy policy = TrustPolicies.load(trust);
        if (threshold != null) {
            policy = policy.withThreshold(threshold);
        }
        return new DsseAuthenticator(policy, limits);
    }
}
