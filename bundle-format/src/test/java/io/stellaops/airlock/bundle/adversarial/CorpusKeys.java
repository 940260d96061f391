package io.stellaops.airlock.bundle.adversarial;

import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.DsseSignature;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;
import io.stellaops.airlock.bundle.sign.SignatureFiles;
import io.stellaops.airlock.bundle.testing.TestKeys;
import io.stellaops.airlock.bundle.testing.Trust;
import io.stellaops.airlock.bundle.trust.TrustPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The corpus's keys: a trusted release key, whose signature gets a hostile archive past the
 * signature check so that the archive reader and the manifest parser meet it, and an untrusted one
 * for the attacks on the signature itself. Keys are made per run; none is committed.
 */
final class CorpusKeys {
    final SigningKey trusted;
    final SigningKey untrusted;

    private CorpusKeys(SigningKey trusted, SigningKey untrusted) {
        this.trusted = trusted;
        this.untrusted = untrusted;
    }

    static CorpusKeys generate() throws Exception {
        return new CorpusKeys(TestKeys.generate(KeyAlgorithm.ED25519), TestKeys.generate(KeyAlgorithm.ECDSA_P256));
    }

    TrustPolicy policy() {
        return Trust.keys(1, Trust.key("release", trusted));
    }

    /** Signs {@code manifestBytes} as DSSE with the trusted key, whatever the archive holds. */
    Path sign(Path archive, byte[] manifestBytes) throws Exception {
        return sign(archive, manifestBytes, trusted);
    }

    static Path sign(Path archive, byte[] manifestBytes, SigningKey key) throws Exception {
        DsseEnvelope unsigned = new DsseEnvelope(DsseEnvelope.PAYLOAD_TYPE, manifestBytes, List.of());
        DsseEnvelope envelope = unsigned.withSignature(new DsseSignature(key.keyId(), key.sign(unsigned.pae()), List.of()));
        return Files.write(SignatureFiles.envelopeFor(archive), EnvelopeCodec.encode(envelope));
    }
}
