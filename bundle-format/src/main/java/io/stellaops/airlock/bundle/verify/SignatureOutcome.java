package io.stellaops.airlock.bundle.verify;

/**
 * What became of one signature of a bundle's envelope under a trust policy. Only {@link #COUNTED}
 * signatures move a bundle towards its threshold; the others are kept in the report as evidence,
 * and do not by themselves refuse a bundle whose threshold is met.
 */
public enum SignatureOutcome {
    /** Verified by a trusted key (or a certificate chaining to a trusted CA) not counted before. */
    COUNTED,
    /** Verified and trusted, but its key has already been counted: one key is one signer. */
    ALREADY_COUNTED,
    /** Verified and trusted, but its signer is not among the policy's allowed signer names. */
    NOT_ALLOWED,
    /** No trusted key verifies it and its certificate chain, if any, does not lead to a trusted CA in time. */
    UNTRUSTED,
    /** The key it names or carries does not verify it over this manifest: altered or damaged. */
    INVALID
}
