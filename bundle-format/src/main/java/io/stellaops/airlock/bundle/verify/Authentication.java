package io.stellaops.airlock.bundle.verify;

import java.util.List;

/**
 * What a {@link ManifestAuthenticator} established about the manifest bytes.
 *
 * @param checked    whether any signature was checked at all
 * @param summary    one line for the "Signed by" verdict
 * @param details    one line per signer or finding, for the report
 * @param signatures the structured result of each signature, in envelope order (empty when none was checked)
 */
public record Authentication(boolean checked, String summary, List<String> details, List<SignatureResult> signatures) {
    public Authentication {
        details = List.copyOf(details);
        signatures = List.copyOf(signatures);
    }

    /** An outcome without per-signature results, for authenticators that check no signature. */
    public Authentication(boolean checked, String summary, List<String> details) {
        this(checked, summary, details, List.of());
    }
}
