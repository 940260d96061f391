package io.stellaops.airlock.bundle.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import io.stellaops.airlock.bundle.manifest.FileRole;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;
import io.stellaops.airlock.bundle.manifest.Producer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a genuine manifest for a few small files, so that negative tests can pair it with an
 * archive that deviates from it in exactly one way.
 */
public final class Forge {
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public Forge file(String path, String content) {
        files.put(path, content.getBytes(UTF_8));
        return this;
    }

    public byte[] content(String path) {
        return files.get(path);
    }

    public BundleManifest manifest() {
        List<FileEntry> entries = new ArrayList<>();
        files.keySet().stream().sorted().forEach(path -> entries.add(new FileEntry(path, files.get(path).length,
                HexFormat.of().formatHex(Sha256.newDigest().digest(files.get(path))), 0644, "application/yaml",
                FileRole.CONFIG)));
        return new BundleManifest(1, "telemetry-offline-bundle", "1.0.0", 7, TestBundles.CREATED_AT,
                TestBundles.EXPIRES_AT, new Producer("airlock", "test"), entries);
    }

    public byte[] manifestBytes() {
        return ManifestCodec.encode(manifest());
    }

    /** A tar spec with the manifest first, ready for the caller to add entries. */
    public TarSpec tar() {
        return new TarSpec().file("manifest.json", manifestBytes());
    }

    /** A tar spec holding exactly what the manifest lists, in order: the control case. */
    public TarSpec faithfulTar() {
        TarSpec spec = tar();
        files.keySet().stream().sorted().forEach(path -> spec.file(path, files.get(path)));
        return spec;
    }
}
