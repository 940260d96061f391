package io.stellaops.airlock.bundle.trust;

import io.stellaops.airlock.bundle.keys.KeyIds;
import io.stellaops.airlock.bundle.verify.SignatureOutcome;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Words the outcome of the signature step: the one-line "Signed by" summary, the report lines and,
 * when too few trusted keys signed, the one-line refusal naming who counted and why the others did not.
 */
final class Verdict {
    private static final int MAX_LISTED = 4;

    private final TrustPolicy policy;
    private final String document;
    private final List<SignatureResult> results;
    private final List<SignatureResult> counted;

    Verdict(TrustPolicy policy, String document, List<SignatureResult> results) {
        this.policy = policy;
        this.document = document;
        this.results = List.copyOf(results);
        this.counted = results.stream().filter(r -> r.outcome() == SignatureOutcome.COUNTED).toList();
    }

    boolean met() {
        return counted.size() >= policy.threshold();
    }

    /** "2 of 2 required: alice (ed25519 3f2a09c1d4e5b6a7), bob (ecdsa-p256 9c1d…)". */
    String summary() {
        String head = met() && counted.size() > policy.threshold()
                ? counted.size() + " trusted, " + policy.threshold() + " required"
                : counted.size() + " of " + policy.threshold() + " required";
        String tail = results.size() > counted.size()
                ? "; " + (results.size() - counted.size()) + " other signature(s) not counted" : "";
        return head + (counted.isEmpty() ? "" : ": " + signers(counted)) + tail;
    }

    List<String> details() {
        List<String> lines = new ArrayList<>();
        lines.add("trust policy " + policy.source() + ": " + policy.keys().size() + " key(s), " + policy.cas().size()
                + " CA(s), threshold " + policy.threshold()
                + (policy.allowedSigners().isEmpty() ? "" : ", allowed signers " + policy.allowedSigners()));
        results.forEach(r -> lines.add(r.line()));
        if (results.size() > counted.size() && met()) {
            lines.add("signatures that are not counted are reported but do not refuse a bundle whose threshold is met");
        }
        if (!policy.cas().isEmpty()) {
            lines.add("certificate chains are validated with PKIX at the bundle's createdAt; revocation is not checked");
        }
        return lines;
    }

    /** "1 of 2 required trusted signatures missing: only 1 counted (alice …); signature 2 (keyid …): UNTRUSTED, …". */
    String refusal() {
        int missing = policy.threshold() - counted.size();
        StringBuilder out = new StringBuilder().append(missing).append(" of ").append(policy.threshold())
                .append(" required trusted signatures missing: ");
        if (results.isEmpty()) {
            return out.append(document).append(" holds no signature").toString();
        }
        out.append(counted.isEmpty() ? "none counted" : "only " + counted.size() + " counted (" + signers(counted) + ")");
        List<SignatureResult> others = results.stream().filter(r -> r.outcome() != SignatureOutcome.COUNTED).toList();
        for (int i = 0; i < Math.min(MAX_LISTED, others.size()); i++) {
            SignatureResult r = others.get(i);
            out.append("; signature ").append(r.index()).append(" (keyid ")
                    .append(r.keyId().isEmpty() ? "none" : KeyIds.shortForm(r.keyId()))
                    .append(r.signer().map(s -> ", " + s).orElse("")).append("): ")
                    .append(r.outcome()).append(", ").append(r.detail());
        }
        if (others.size() > MAX_LISTED) {
            out.append("; and ").append(others.size() - MAX_LISTED).append(" more");
        }
        return out.toString();
    }

    private static String signers(List<SignatureResult> list) {
        List<String> names = new ArrayList<>();
        for (SignatureResult r : list) {
            names.add(r.signer().orElse("unnamed") + " (" + r.algorithm().orElse("?") + " "
                    + KeyIds.shortForm(r.keyId()) + ")");
        }
        return String.join(", ", names);
    }
}
