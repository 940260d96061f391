package io.stellaops.airlock.bundle.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The evidence of one signature's check, as a reviewer reads it in the report: which key it
 * claims or was found to be, who that is, through which certificates, and what came out.
 *
 * @param index     1-based position of the signature in the envelope
 * @param keyId     the key id: of the key that verified it, else the unauthenticated hint it carries
 * @param algorithm the key's algorithm id (ed25519, ecdsa-p256, rsa-3072) when a key was identified
 * @param signer    the signer's name: from the trust policy for a raw key, the subject CN for a certificate
 * @param chain     subjects of the certificate chain, leaf first, up to the trusted CA; empty for raw keys
 * @param outcome   what became of it
 * @param detail    one line saying why
 */
public record SignatureResult(int index, String keyId, Optional<String> algorithm, Optional<String> signer,
        List<String> chain, SignatureOutcome outcome, String detail) {

    public SignatureResult {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        chain = List.copyOf(chain);
    }

    /** One report line: "signature 2: keyid 9c1d…, ecdsa-p256, bob, chain [CN=bob &lt; CN=Ops CA]: COUNTED (…)". */
    public String line() {
        StringBuilder out = new StringBuilder("signature ").append(index).append(": keyid ")
                .append(keyId.isEmpty() ? "(none)" : keyId);
        algorithm.ifPresent(a -> out.append(", ").append(a));
        signer.ifPresent(s -> out.append(", ").append(s));
        if (!chain.isEmpty()) {
            out.append(", chain [").append(String.join(" < ", chain)).append(']');
        }
        return out.append(": ").append(outcome).append(" (").append(detail).append(')').toString();
    }
}
