package io.stellaops.airlock.bundle.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.trust.TrustPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fuzzes the trust policy loader. The first input byte chooses the shape: even, the rest is a
 * {@code trust.yaml}; odd, the rest is the one PEM file of a trust folder. Either loads or is refused
 * with a {@link BundleException}.
 */
class TrustPolicyFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void trustPolicyLoader(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        Path folder = FuzzInputs.scratch("trust");
        FuzzInputs.deleteTree(folder);
        Files.createDirectories(folder);
        byte[] content = Arrays.copyOfRange(input, 1, input.length);
        boolean yaml = (input[0] & 1) == 0;
        Path file = Files.write(folder.resolve(yaml ? "trust.yaml" : "release.pem"), content);
        try {
            TrustPolicies.load(yaml ? file : folder);
        } catch (BundleException e) {
            FuzzInputs.requireUsefulMessage(e);
        }
    }
}
