package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.BundleException;
import java.nio.file.Path;

/**
 * The first step of verification: decides whether the exact manifest bytes read from the archive
 * are vouched for, before anything in them is believed. The signature checker (DSSE envelope and
 * trust policy) implements it; {@link #NONE} checks integrity only and says so in the report.
 */
@FunctionalInterface
public interface ManifestAuthenticator {
    /** Checks nothing; the report's signature step is SKIPPED with this reason. */
    ManifestAuthenticator NONE = (archive, manifestBytes) -> new Authentication(false,
            "not checked: no trust policy given (integrity only)", java.util.List.of());

    /**
     * @throws BundleException {@link io.stellaops.airlock.bundle.Failure#SIGNATURE} naming the signer and the reason;
     *         an {@link AuthenticationException} also keeps each signature's result for the report
     */
    Authentication authenticate(Path archive, byte[] manifestBytes) throws BundleException;
}
