package io.stellaops.airlock.bundle.trust;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.KeyIds;
import io.stellaops.airlock.bundle.keys.VerificationKey;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.sign.DsseSignature;
import io.stellaops.airlock.bundle.verify.SignatureOutcome;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what one signature is worth under a trust policy. A trusted raw key is tried first (the
 * one whose key id matches the hint, then every other: the hint only orders the search); else a
 * certificate chain carried by the signature must verify the signature with its leaf key and chain
 * to a trusted CA at the bundle's {@code createdAt}. Each trusted key counts once, however many
 * signatures it made; a policy's allowed signer names filter what counts.
 */
final class SignatureEvaluator {
    /** Yields the bundle's createdAt, parsed from the manifest only when a certificate needs it. */
    @FunctionalInterface
    interface CreatedAt {
        Instant get() throws BundleException;
    }

    private final TrustPolicy policy;
    private final byte[] pae;
    private final CreatedAt createdAt;
    private final ChainValidator chains;
    private final Set<String> counted = new HashSet<>();

    /** {@code pae} is used as given, not copied (it can be tens of MiB): the caller must not change it. */
    SignatureEvaluator(TrustPolicy policy, byte[] pae, CreatedAt createdAt) {
        this.policy = policy;
        this.pae = pae;
        this.createdAt = createdAt;
        this.chains = new ChainValidator(policy.cas());
    }

    SignatureResult evaluate(int index, DsseSignature signature) throws BundleException {
        String hint = BundlePath.printable(signature.keyId());
        Optional<TrustedKey> hinted = policy.keys().stream().filter(k -> k.keyId().equals(signature.keyId())).findFirst();
        List<TrustedKey> candidates = new ArrayList<>(policy.keys());
        hinted.ifPresent(k -> {
            candidates.remove(k);
            candidates.add(0, k);
        });
        for (TrustedKey key : candidates) {
            if (key.key().verifies(pae, signature.sig())) {
                return count(index, key.key(), key.name(), List.of(), "verified by trusted key from " + key.source());
            }
        }
        if (!signature.certificateChain().isEmpty()) {
            return byCertificate(index, signature, hint);
        }
        if (hinted.isPresent()) {
            return result(index, hint, Optional.of(hinted.get().key()), hinted.get().name(), SignatureOutcome.INVALID,
                    "trusted key " + name(hinted.get().name()) + "does not verify it: altered or damaged");
        }
        return result(index, hint, Optional.empty(), Optional.empty(), SignatureOutcome.UNTRUSTED,
                signature.keyId().isEmpty() ? "no trusted key verifies it and it names no key"
                        : "key " + KeyIds.shortForm(hint) + " is not in the trust policy and it carries no certificate");
    }

    private SignatureResult byCertificate(int index, DsseSignature signature, String hint) throws BundleException {
        X509Certificate leaf = signature.certificateChain().get(0);
        Optional<String> cn = Certificates.commonName(leaf);
        String leafName = "certificate '" + Certificates.subject(leaf) + "'";
        VerificationKey leafKey;
        try {
            leafKey = VerificationKey.of(leaf.getPublicKey(), leafName);
        } catch (BundleException e) {
            return result(index, hint, Optional.empty(), cn, SignatureOutcome.UNTRUSTED, e.getMessage());
        }
        if (!leafKey.verifies(pae, signature.sig())) {
            return result(index, hint, Optional.of(leafKey), cn, SignatureOutcome.INVALID,
                    "the key of " + leafName + " does not verify it: altered or damaged");
        }
        if (policy.cas().isEmpty()) {
            return result(index, leafKey.keyId(), Optional.of(leafKey), cn, SignatureOutcome.UNTRUSTED,
                    leafName + " is not trusted: the trust policy lists no CA");
        }
        ChainValidator.Outcome chain = chains.validate(signature.certificateChain(), createdAt.get());
        if (!chain.valid()) {
            return result(index, leafKey.keyId(), Optional.of(leafKey), cn, SignatureOutcome.UNTRUSTED, chain.reason());
        }
        return count(index, leafKey, cn, chain.subjects(), chain.reason() + ", revocation not checked");
    }

    private SignatureResult count(int index, VerificationKey key, Optional<String> name, List<String> chain,
            String how) {
        if (!policy.allowedSigners().isEmpty() && (name.isEmpty() || !policy.allowedSigners().contains(name.get()))) {
            return new SignatureResult(index, key.keyId(), Optional.of(key.algorithm().id()), name, chain,
                    SignatureOutcome.NOT_ALLOWED, how + ", but signer " + name(name) + "is not among the allowed signers");
        }
        if (!counted.add(key.keyId())) {
            return new SignatureResult(index, key.keyId(), Optional.of(key.algorithm().id()), name, chain,
                    SignatureOutcome.ALREADY_COUNTED, how + "; this key was already counted: one key is one signer");
        }
        return new SignatureResult(index, key.keyId(), Optional.of(key.algorithm().id()), name, chain,
                SignatureOutcome.COUNTED, how);
    }

    private static SignatureResult result(int index, String keyId, Optional<VerificationKey> key,
            Optional<String> name, SignatureOutcome outcome, String detail) {
        return new SignatureResult(index, keyId, key.map(k -> k.algorithm().id()), name, List.of(), outcome, detail);
    }

    private static String name(Optional<String> name) {
        return name.map(n -> "'" + n + "' ").orElse("(unnamed) ");
    }
}
