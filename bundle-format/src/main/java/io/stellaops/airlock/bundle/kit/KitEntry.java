package io.stellaops.airlock.bundle.kit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One imported bundle as the kit state records it.
 *
 * @param generation     the bundle's generation
 * @param name           bundle name
 * @param version        bundle version
 * @param directory      its folder name under {@code bundles/} and {@code archives/}
 * @param archiveFile    the archive's file name under {@code archives/<directory>/}
 * @param archiveSha256  SHA-256 of the archive
 * @param manifestSha256 SHA-256 of its canonical manifest, which identifies the content
 * @param createdAt      the bundle's creation time
 * @param expiresAt      the bundle's end of validity
 * @param importedAt     when it was imported
 * @param forcedReason   the operator's written reason when activation was forced past the generation rule
 */
public record KitEntry(
        long generation,
        String name,
        String version,
        String directory,
        String archiveFile,
        String archiveSha256,
        String manifestSha256,
        Instant createdAt,
        Instant expiresAt,
        Instant importedAt,
        Optional<String> forcedReason) {

    public KitEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(archiveFile, "archiveFile");
        Objects.requireNonNull(archiveSha256, "archiveSha256");
        Objects.requireNonNull(manifestSha256, "manifestSha256");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(forcedReason, "forcedReason");
        if (!directory.matches("[0-9]+-[0-9A-Za-z._+-]+") || directory.contains("..")) {
            throw new IllegalArgumentException("kit directory name '" + directory + "' is not <generation>-<version>");
        }
    }
}
