package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.trust.DsseAuthenticator;
import io.stellaops.airlock.bundle.trust.TrustPolicy;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import io.stellaops.airlock.bundle.verify.VerificationException;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The verify flow's one call into the library, as an interface so that a test can wrap it.
 * A refusal is an answer the reviewer reads, so it comes back as its report like a success; only
 * a cancelled verification is thrown.
 */
@FunctionalInterface
public interface VerifyService {

    /**
     * The report of a verified or refused bundle, its signatures checked against {@code trust}
     * when one is given (integrity only without); throws {@link Failure#CANCELLED} when interrupted.
     */
    VerificationReport verify(Path archive, Optional<TrustPolicy> trust, ProgressListener progress) throws BundleException;

    /**
     * {@link BundleVerifier} exactly as {@code airlock bundle verify} calls it: default limits and
     * clock skew, the signature step of {@link DsseAuthenticator} under the trust policy or
     * integrity only ({@link ManifestAuthenticator#NONE}) without one, nothing extracted.
     */
    static VerifyService library(Clock clock) {
        var options = new VerifyOptions(Limits.DEFAULT, clock, VerifyOptions.DEFAULT_CLOCK_SKEW);
        var verifier = new BundleVerifier(options);
        return (archive, trust, progress) -> {
            ManifestAuthenticator authenticator = trust
                    .<ManifestAuthenticator>map(policy -> new DsseAuthenticator(policy, options.limits()))
                    .orElse(ManifestAuthenticator.NONE);
            try {
                return verifier.verify(archive, authenticator, PayloadSink.DISCARD, progress);
            } catch (VerificationException e) {
                if (e.failure() == Failure.CANCELLED) {
                    throw e;
                }
                return e.report();
            }
        };
    }
}
