package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.archive.Compression;
import java.nio.file.Path;

/**
 * Where things live in an Offline Kit staging directory. The active bundle sits where the kit
 * expects it ({@code telemetry/telemetry-offline-bundle.tar.gz} and sidecars); every imported bundle
 * keeps its extracted payload under {@code bundles/<generation>-<version>/} and its archive under
 * {@code archives/<generation>-<version>/}; {@code current} points at the active payload;
 * {@code .state/state.json} is the single source of truth that recovery restores the rest from.
 *
 * @param root the kit folder (the one that holds {@code telemetry/})
 */
public record KitLayout(Path root) {
    public static final String ACTIVE_NAME = "telemetry-offline-bundle";
    static final String STAGING_PREFIX = ".staging-";

    public KitLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path telemetry() {
        return root.resolve("telemetry");
    }

    /** The active archive as the Offline Kit expects it, with the suffix of its compression. */
    public Path activeArchive(Compression compression) {
        return telemetry().resolve(ACTIVE_NAME + compression.suffix());
    }

    public Path bundles() {
        return telemetry().resolve("bundles");
    }

    public Path archives() {
        return telemetry().resolve("archives");
    }

    public Path current() {
        return telemetry().resolve("current");
    }

    public Path stateDir() {
        return telemetry().resolve(".state");
    }

    public Path stateFile() {
        return stateDir().resolve("state.json");
    }

    public Path lockFile() {
        return stateDir().resolve("lock");
    }

    public Path quarantine() {
        return telemetry().resolve("quarantine");
    }

    public Path receipts() {
        return telemetry().resolve("receipts");
    }
}
