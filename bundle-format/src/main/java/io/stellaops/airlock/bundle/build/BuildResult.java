package io.stellaops.airlock.bundle.build;

import io.stellaops.airlock.bundle.manifest.BundleManifest;
import java.nio.file.Path;

/**
 * What a build wrote.
 *
 * @param archive       the archive file
 * @param sha256Sidecar its {@code .sha256} sidecar
 * @param sha256        lowercase hex SHA-256 of the archive
 * @param size          archive size in bytes
 * @param manifest      the manifest inside it
 */
public record BuildResult(Path archive, Path sha256Sidecar, String sha256, long size, BundleManifest manifest) {
}
