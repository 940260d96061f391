package io.stellaops.airlock.bundle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import io.stellaops.airlock.bundle.sign.EnvelopeCodec;

/**
 * Fuzzes the DSSE envelope parser with raw bytes: a refusal is a {@link BundleException}, and an
 * accepted envelope re-encodes to one that decodes to the same value.
 */
class EnvelopeCodecFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void envelopeParser(byte[] input) throws BundleException {
        DsseEnvelope envelope;
        try {
            envelope = EnvelopeCodec.decode(input, "fuzz.dsse.json", Limits.DEFAULT);
        } catch (BundleException e) {
            FuzzInputs.requireUsefulMessage(e);
            return;
        }
        assertThat(EnvelopeCodec.decode(EnvelopeCodec.encode(envelope), "again", Limits.DEFAULT)).isEqualTo(envelope);
    }
}
