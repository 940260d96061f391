package io.stellaops.airlock.bundle.build;

import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.manifest.Producer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a build needs, already resolved: {@link BuildDefaults} fills what the operator left
 * out. Two builds of the same folder with equal requests (same producer version) give the same
 * bytes.
 *
 * @param source      the folder to bundle
 * @param output      the archive to write; its sidecars are named after it
 * @param name        bundle name
 * @param version     bundle version
 * @param generation  monotonic generation
 * @param createdAt   creation time (also every entry's mtime), whole seconds
 * @param expiresAt   end of validity
 * @param compression gzip or zstd
 * @param replace     whether an existing output may be replaced
 * @param producer    the tool recorded in the manifest
 * @param limits      caps the source must respect
 */
public record BuildRequest(
        Path source,
        Path output,
        String name,
        String version,
        long generation,
        Instant createdAt,
        Instant expiresAt,
        Compression compression,
        boolean replace,
        Producer producer,
        Limits limits) {

    public BuildRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(limits, "limits");
    }
}
