package io.stellaops.airlock.bundle.inspect;

import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.manifest.BundleManifest;

/**
 * What a bundle says about itself, read from its manifest without extracting or verifying
 * anything else: fine for looking, never a reason to trust.
 *
 * @param archiveName    the archive's file name
 * @param archiveSize    its size in bytes
 * @param compression    detected compression
 * @param manifestSha256 lowercase hex SHA-256 of the manifest bytes
 * @param manifest       the parsed manifest
 */
public record InspectedBundle(String archiveName, long archiveSize, Compression compression, String manifestSha256,
        BundleManifest manifest) {
}
