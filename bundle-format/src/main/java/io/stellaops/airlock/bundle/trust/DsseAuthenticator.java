package io.stellaops.airlock.bundle.trust;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;
import io.stellaops.airlock.bundle.sign.SignatureFiles;
import io.stellaops.airlock.bundle.verify.Authentication;
import io.stellaops.airlock.bundle.verify.AuthenticationException;
import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import io.stellaops.airlock.bundle.verify.SignatureResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The signature step of verification: reads {@code FILE.dsse.json} beside the archive, requires it
 * to sign exactly the archive's manifest bytes as an in-toto payload, evaluates every signature
 * against the trust policy, and passes when at least k distinct trusted keys signed. Signatures
 * that do not count are reported and, once the threshold is met, do not refuse the bundle: a
 * stranger's countersignature must not be able to veto a bundle its owners signed.
 */
public final class DsseAuthenticator implements ManifestAuthenticator {
    private final TrustPolicy policy;
    private final Limits limits;

    public DsseAuthenticator(TrustPolicy policy, Limits limits) {
        this.policy = policy;
        this.limits = limits;
    }

    @Override
    public Authentication authenticate(Path archive, byte[] manifestBytes) throws BundleException {
        Path file = SignatureFiles.envelopeFor(archive);
        String document = String.valueOf(file.getFileName());
        DsseEnvelope envelope = EnvelopeCodec.readIfPresent(file, limits).orElseThrow(() -> new BundleException(
                Failure.SIGNATURE, "no signature: " + document + " does not exist"));
        envelope.requireSigns(manifestBytes, document);
        SignatureEvaluator evaluator = new SignatureEvaluator(policy, envelope.pae(), new CreatedAt(manifestBytes, limits));
        List<SignatureResult> results = new ArrayList<>();
        for (int i = 0; i < envelope.signatures().size(); i++) {
            results.add(evaluator.evaluate(i + 1, envelope.signatures().get(i)));
        }
        Verdict verdict = new Verdict(policy, document, results);
        Authentication authentication = new Authentication(true, verdict.summary(), verdict.details(), results);
        if (!verdict.met()) {
            throw new AuthenticationException(Failure.SIGNATURE, verdict.refusal(), authentication);
        }
        return authentication;
    }

    /**
     * The manifest's createdAt, parsed (strictly, as the next step will) only when a certificate
     * needs a validation date: the signature over these bytes has been verified by then.
     */
    private static final class CreatedAt implements SignatureEvaluator.CreatedAt {
        private final byte[] manifestBytes;
        private final Limits limits;
        private Instant value;

        CreatedAt(byte[] manifestBytes, Limits limits) {
            this.manifestBytes = manifestBytes;
            this.limits = limits;
        }

        @Override
        public Instant get() throws BundleException {
            if (value == null) {
                value = ManifestCodec.decode(manifestBytes, limits).createdAt();
            }
            return value;
        }
    }
}
