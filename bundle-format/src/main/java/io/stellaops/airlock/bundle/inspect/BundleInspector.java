package io.stellaops.airlock.bundle.inspect;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.ArchiveReader;
import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Reads a bundle's manifest, the archive's first entry, and stops: the metadata and the file table
 * of a multi-gigabyte bundle show in the time it takes to decompress a few kilobytes. The manifest
 * is parsed as strictly as in verification, but nothing is authenticated.
 */
public final class BundleInspector {
    private final Limits limits;

    public BundleInspector(Limits limits) {
        this.limits = limits;
    }

    public InspectedBundle inspect(Path archive) throws BundleException {
        try (ArchiveReader reader = ArchiveReader.open(archive, limits, ProgressListener.NONE)) {
            byte[] bytes = reader.readManifestBytes();
            BundleManifest manifest = ManifestCodec.decode(bytes, limits);
            return new InspectedBundle(reader.archiveName(), reader.archiveSize(), reader.compression(),
                    HexFormat.of().formatHex(Sha256.newDigest().digest(bytes)), manifest);
        }
    }

    /**
     * The exact bytes of the archive's {@code manifest.json}, after checking that they parse as
     * strictly as in verification: what a signer signs, so that nobody signs a manifest Airlock
     * would refuse to read.
     */
    public byte[] manifestBytes(Path archive) throws BundleException {
        try (ArchiveReader reader = ArchiveReader.open(archive, limits, ProgressListener.NONE)) {
            byte[] bytes = reader.readManifestBytes();
            ManifestCodec.decode(bytes, limits);
            return bytes;
        }
    }
}
