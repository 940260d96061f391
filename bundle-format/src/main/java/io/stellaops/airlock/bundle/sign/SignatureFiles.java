package io.stellaops.airlock.bundle.sign;

import io.stellaops.airlock.bundle.keys.KeyIds;
import java.nio.file.Path;

/**
 * Names of the signature sidecars, all beside the archive and named after it:
 * {@code FILE.dsse.json} holds every signature; {@code FILE.<first 16 hex of keyid>.sigstore.json}
 * holds one signature each, for Sigstore tooling.
 */
public final class SignatureFiles {
    private SignatureFiles() {
    }

    public static Path envelopeFor(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".dsse.json");
    }

    /** @param keyId a full key id (64 hex digits): only such a value may become part of a file name */
    public static Path sigstoreBundleFor(Path archive, String keyId) {
        if (!KeyIds.isKeyId(keyId)) {
            throw new IllegalArgumentException("not a key id");
        }
        return archive.resolveSibling(archive.getFileName() + "." + KeyIds.shortForm(keyId) + ".sigstore.json");
    }
}
