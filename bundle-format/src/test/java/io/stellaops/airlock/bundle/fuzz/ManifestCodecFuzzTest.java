package io.stellaops.airlock.bundle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;

/**
 * Fuzzes the manifest parser with raw bytes: it must refuse with a {@link BundleException} or return
 * a manifest that survives the canonical round trip (encode, decode again, same value), so that
 * what was accepted is exactly what a re-encoding means.
 */
class ManifestCodecFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void manifestParser(byte[] input) throws BundleException {
        BundleManifest manifest;
        try {
            manifest = ManifestCodec.decode(input, Limits.DEFAULT);
        } catch (BundleException e) {
            FuzzInputs.requireUsefulMessage(e);
            return;
        }
        assertThat(ManifestCodec.decode(ManifestCodec.encode(manifest), Limits.DEFAULT)).isEqualTo(manifest);
    }
}
