package io.stellaops.airlock.bundle.sign;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.inspect.BundleInspector;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Signs and countersigns a bundle: adds one DSSE signature over the archive's manifest bytes to
 * {@code FILE.dsse.json} (creating it for the first signer) and writes the Sigstore bundle of each
 * signature. The archive itself is never written. Before signing, the archive is verified for
 * integrity (every file against the manifest, the validity window against the clock), because a
 * signer vouches for what the manifest lists and should have seen it match. A key that has already
 * signed adds nothing. Signers of the same bundle take turns through {@link EnvelopeLock}, so
 * countersigning at the same moment loses no signature.
 */
public final class BundleSigner {
    private final VerifyOptions options;
    private final Duration lockWait;

    public BundleSigner(VerifyOptions options) {
        this(options, EnvelopeLock.DEFAULT_WAIT);
    }

    /** @param lockWait how long to wait for another signer of the same bundle to finish */
    public BundleSigner(VerifyOptions options, Duration lockWait) {
        this.options = options;
        this.lockWait = lockWait;
    }

    /**
     * @throws BundleException the integrity check's failure; {@link Failure#SIGNATURE} when an
     *                         existing envelope is about another manifest; {@link Failure#REFUSED}
     *                         when it is malformed; {@link Failure#UNREADABLE} when a file cannot be written;
     *                         {@link Failure#USAGE} when another signer holds the envelope's lock too long
     */
    public SignResult sign(Path archive, SigningKey key) throws BundleException {
        VerificationReport report = new BundleVerifier(options).verifyIntegrity(archive);
        byte[] manifestBytes = new BundleInspector(options.limits()).manifestBytes(archive);
        if (report.manifest().isEmpty()
                || !Arrays.equals(manifestBytes, ManifestCodec.encode(report.manifest().get()))) {
            throw new BundleException(Failure.REFUSED, archive.getFileName() + " changed while it was being signed");
        }
        Path envelopeFile = SignatureFiles.envelopeFor(archive);
        try (EnvelopeLock lock = EnvelopeLock.acquire(envelopeFile, lockWait)) {
            return appendSignature(archive, key, manifestBytes, envelopeFile);
        }
    }

    private SignResult appendSignature(Path archive, SigningKey key, byte[] manifestBytes, Path envelopeFile)
            throws BundleException {
        String document = String.valueOf(envelopeFile.getFileName());
        Optional<DsseEnvelope> existing = EnvelopeCodec.readIfPresent(envelopeFile, options.limits());
        DsseEnvelope envelope = existing.orElse(new DsseEnvelope(DsseEnvelope.PAYLOAD_TYPE, manifestBytes, List.of()));
        envelope.requireSigns(manifestBytes, document);
        byte[] pae = envelope.pae();
        boolean alreadySigned = envelope.signatures().stream()
                .anyMatch(s -> key.verificationKey().verifies(pae, s.sig()));
        if (!alreadySigned) {
            byte[] sig = key.sign(pae);
            if (!key.verificationKey().verifies(pae, sig)) {
                // A key whose signature does not verify is broken; better to stop than to publish it.
                throw new BundleException(Failure.USAGE, "the signature just made by key " + key.keyId()
                        + " does not verify; the key is damaged");
            }
            envelope = envelope.withSignature(new DsseSignature(key.keyId(), sig, key.certificateChain()));
            AtomicFiles.write(envelopeFile, EnvelopeCodec.encode(envelope), false, true);
        }
        List<Path> sigstore = SigstoreBundles.write(archive, envelope);
        return new SignResult(envelopeFile, key.keyId(), !alreadySigned, envelope.signatures().size(), sigstore);
    }
}
