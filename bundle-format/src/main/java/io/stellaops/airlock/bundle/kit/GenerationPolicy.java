package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;
import io.stellaops.airlock.bundle.verify.ManifestPolicy;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Never go backwards: a bundle whose generation is not above the highest one a completed import
 * accepted is refused before any payload byte is read, unless the operator forces it with a written
 * reason. The active bundle itself may be imported again; that is a no-op.
 */
final class GenerationPolicy implements ManifestPolicy {
    private final KitState state;
    private final Optional<String> forceReason;
    private boolean sameAsActive;

    GenerationPolicy(KitState state, Optional<String> forceReason) {
        this.state = state;
        this.forceReason = forceReason;
    }

    @Override
    public String id() {
        return "generation";
    }

    @Override
    public String title() {
        return "Generation";
    }

    @Override
    public String check(BundleManifest manifest) throws BundleException {
        String manifestSha256 = manifestSha256(manifest);
        if (state.active().isPresent() && state.active().get().manifestSha256().equals(manifestSha256)) {
            sameAsActive = true;
            return "generation " + manifest.generation() + " is the active bundle already";
        }
        long highest = state.highestGeneration();
        if (manifest.generation() > highest) {
            return "generation " + manifest.generation() + " is newer than the highest imported (" + highest + ")";
        }
        for (KitEntry earlier : state.imported()) {
            if (earlier.manifestSha256().equals(manifestSha256) && forceReason.isEmpty()) {
                throw new BundleException(Failure.GENERATION, "generation " + manifest.generation()
                        + " was imported before (bundles/" + earlier.directory() + "); to make it active again use"
                        + " 'airlock kit rollback --to " + manifest.generation() + "'");
            }
        }
        if (forceReason.isPresent()) {
            return "generation " + manifest.generation() + " is not newer than " + highest
                    + "; activation forced by the operator: " + forceReason.get();
        }
        throw new BundleException(Failure.GENERATION, "generation " + manifest.generation()
                + " is not newer than the highest imported generation " + highest
                + state.active().map(a -> " (active: " + KitActivation.describe(a) + ")").orElse("")
                + "; to go back on purpose use --force-activate with --force-reason");
    }

    boolean sameAsActive() {
        return sameAsActive;
    }

    static String manifestSha256(BundleManifest manifest) {
        MessageDigest digest = Sha256.newDigest();
        ManifestCodec.write(manifest, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return HexFormat.of().formatHex(digest.digest());
    }
}
