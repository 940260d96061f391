package io.stellaops.airlock.bundle.adversarial;

import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.testing.Forge;
import java.nio.file.Path;

/**
 * What the case lists share: the genuine two-file bundle every hostile archive deviates from (its
 * manifest lists {@code a.yaml} and {@code b/c.yaml}), and the step that writes an archive and signs
 * the manifest it carries with the trusted key.
 */
final class Hostile {
    static final String A = "alpha: 1\n";
    static final String C = "bravo: 2\n";

    private Hostile() {
    }

    static Forge forge() {
        return new Forge().file("a.yaml", A).file("b/c.yaml", C);
    }

    /** The genuine manifest bytes. */
    static byte[] manifest() {
        return forge().manifestBytes();
    }

    /** A raw tar that starts with the genuine manifest. */
    static RawTar tar() {
        return new RawTar().file("manifest.json", manifest());
    }

    /** Compresses {@code tar} into {@code folder/<id>.tar.gz|zst} and signs the genuine manifest with the trusted key. */
    static Path signed(Path folder, CorpusKeys keys, String id, byte[] tar, Compression compression) throws Exception {
        return signed(folder, keys, id, tar, compression, manifest());
    }

    static Path signed(Path folder, CorpusKeys keys, String id, byte[] tar, Compression compression, byte[] manifest)
            throws Exception {
        Path archive = RawTar.compress(folder.resolve(id + compression.suffix()), tar, compression);
        keys.sign(archive, manifest);
        return archive;
    }

    static HostileCase refused(String id, String category, String attack, String message, HostileCase.Maker maker) {
        return new HostileCase(id, category, attack, Failure.REFUSED, message, maker);
    }
}
