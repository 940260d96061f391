package io.stellaops.airlock.bundle.testing;

import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.trust.DsseAuthenticator;
import io.stellaops.airlock.bundle.trust.TrustPolicy;
import io.stellaops.airlock.bundle.trust.TrustedKey;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Trust policies built in code, and verification of a bundle under one, as the CLI will run it. */
public final class Trust {
    private Trust() {
    }

    public static TrustedKey key(String name, SigningKey key) {
        return new TrustedKey(key.verificationKey(), Optional.of(name), "test:" + name);
    }

    public static TrustPolicy keys(int threshold, TrustedKey... keys) {
        return new TrustPolicy(List.of(keys), List.of(), threshold, Set.of(), "test policy");
    }

    public static TrustPolicy cas(X509Certificate... cas) {
        return new TrustPolicy(List.of(), List.of(cas), 1, Set.of(), "test policy");
    }

    public static VerificationReport verify(Path archive, TrustPolicy policy) throws Exception {
        return new BundleVerifier(TestBundles.options()).verify(archive, new DsseAuthenticator(policy, Limits.DEFAULT),
                PayloadSink.DISCARD, ProgressListener.NONE);
    }
}
