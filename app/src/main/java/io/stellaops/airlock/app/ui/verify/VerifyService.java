package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import io.stellaops.airlock.bundle.verify.VerificationException;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The verify flow's one call into the library, as an interface so that a test can wrap it.
 * A refusal is an answer the reviewer reads, so it comes back as its report like a success; only
 * a cancelled verification is thrown.
 */
@FunctionalInterface
public interface VerifyService {

    /** The report of a verified or refused bundle; throws {@link Failure#CANCELLED} when interrupted. */
    VerificationReport verify(Path archive, ProgressListener progress) throws BundleException;

    /**
     * {@link BundleVerifier} exactly as {@code airlock bundle verify} calls it: default limits and
     * clock skew, integrity only ({@link ManifestAuthenticator#NONE}), nothing extracted.
     */
    static VerifyService library(Clock clock) {
        var verifier = new BundleVerifier(new VerifyOptions(Limits.DEFAULT, clock, VerifyOptions.DEFAULT_CLOCK_SKEW));
        return (archive, progress) -> {
            try {
                return verifier.verify(archive, ManifestAuthenticator.NONE, PayloadSink.DISCARD, progress);
            } catch (VerificationException e) {
                if (e.failure() == Failure.CANCELLED) {
                    throw e;
                }
                return e.report();
            }
        };
    }
}
