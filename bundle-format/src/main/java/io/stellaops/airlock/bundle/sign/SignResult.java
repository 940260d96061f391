package io.stellaops.airlock.bundle.sign;

import java.nio.file.Path;
import java.util.List;

/**
 * What signing did.
 *
 * @param envelope        the {@code FILE.dsse.json} written or left as it was
 * @param keyId           the signing key's id
 * @param added           false when this key had already signed this manifest (nothing was added)
 * @param signatureCount  signatures in the envelope now
 * @param sigstoreBundles the Sigstore bundle files, one per signature
 */
public record SignResult(Path envelope, String keyId, boolean added, int signatureCount, List<Path> sigstoreBundles) {
    public SignResult {
        sigstoreBundles = List.copyOf(sigstoreBundles);
    }
}
