package io.stellaops.airlock.bundle.verify;

import java.util.List;

/**
 * What a {@link ManifestAuthenticator} established about the manifest bytes.
 *
 * @param checked whether any signature was checked at all
 * @param summary one line for the "Signed by" verdict
 * @param details one line per signer or finding, for the report
 */
public record Authentication(boolean checked, String summary, List<String> details) {
    public Authentication {
        details = List.copyOf(details);
    }
}
