package io.stellaops.airlock.bundle.sign;

import io.stellaops.airlock.bundle.keys.KeyIds;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * Removes the signature sidecars of {@code archive} unless its envelope signs exactly
     * {@code manifestBytes}: after an archive is replaced, signatures over another manifest would only
     * be refused later, and a rebuilt archive with the same manifest keeps its signatures.
     *
     * @return how many files were removed
     */
    public static int removeStale(Path archive, byte[] manifestBytes, Limits limits) throws IOException {
        Path envelope = envelopeFor(archive);
        if (Files.exists(envelope)) {
            try {
                Optional<DsseEnvelope> existing = EnvelopeCodec.readIfPresent(envelope, limits);
                if (existing.isPresent() && existing.get().payloadEquals(manifestBytes)) {
                    return 0;
                }
            } catch (BundleException e) {
                // A malformed envelope is stale as well.
            }
        }
        int removed = 0;
        String prefix = archive.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.toAbsolutePath().getParent(),
                f -> f.getFileName().toString().startsWith(prefix) && (f.getFileName().toString().endsWith(".sigstore.json")
                        || f.getFileName().equals(envelope.getFileName())))) {
            for (Path file : files) {
                Files.delete(file);
                removed++;
            }
        }
        return removed;
    }

    /** @param keyId a full key id (64 hex digits): only such a value may become part of a file name */
    public static Path sigstoreBundleFor(Path archive, String keyId) {
        if (!KeyIds.isKeyId(keyId)) {
            throw new IllegalArgumentException("not a key id");
        }
        return archive.resolveSibling(archive.getFileName() + "." + KeyIds.shortForm(keyId) + ".sigstore.json");
    }
}
