package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.inspect.BundleInspector;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The checks before an import touches anything: the kit folder is there and writable, the clock has
 * not gone backwards past the kit's last change, and the kit's file system has room for the
 * decompressed payload, the archive's copy and a margin.
 */
final class KitPreflight {
    private KitPreflight() {
    }

    static void requireKitFolderExists(KitLayout layout) throws BundleException {
        if (!Files.isDirectory(layout.root())) {
            throw new BundleException(Failure.UNREADABLE, "kit folder " + layout.root() + " does not exist");
        }
    }

    static void requireKitFolder(KitLayout layout) throws BundleException {
        requireKitFolderExists(layout);
        Path root = layout.root();
        if (!Files.isWritable(root) || (Files.isDirectory(layout.telemetry()) && !Files.isWritable(layout.telemetry()))) {
            throw new BundleException(Failure.UNREADABLE, "kit folder " + root + " is not writable");
        }
    }

    static void createFolders(KitLayout layout) throws BundleException {
        try {
            for (Path folder : new Path[] {layout.telemetry(), layout.stateDir(), layout.bundles(), layout.archives(),
                    layout.quarantine(), layout.receipts()}) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot prepare the kit at " + layout.telemetry() + ": "
                    + AtomicFiles.describe(e), e);
        }
    }

    static void checkClock(KitState state, VerifyOptions options) throws BundleException {
        Instant now = options.clock().instant();
        if (state.history().isEmpty()) {
            return;
        }
        Instant last = state.history().get(state.history().size() - 1).at();
        if (now.plus(options.clockSkew()).isBefore(last)) {
            throw new BundleException(Failure.NOT_VALID_NOW, "this machine's clock (" + now
                    + ") is before the kit's last change (" + last + "); fix the clock before importing");
        }
    }

    static void checkSpace(KitLayout layout, Path archive, Limits limits, long margin) throws BundleException {
        long payload;
        long archiveSize;
        try {
            // Unauthenticated, for sizing only: verification proper comes next and decides.
            payload = new BundleInspector(limits).inspect(archive).manifest().totalSize();
            archiveSize = Files.size(archive);
        } catch (BundleException | IOException e) {
            return;
        }
        try {
            long usable = Files.getFileStore(layout.telemetry()).getUsableSpace();
            long needed = payload + 2 * archiveSize + margin;
            if (usable < needed) {
                throw new BundleException(Failure.UNREADABLE, "not enough free space in " + layout.telemetry() + ": "
                        + needed + " bytes needed (payload " + payload + ", archive " + archiveSize + " twice, margin "
                        + margin + "), " + usable + " available");
            }
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot tell the free space of " + layout.telemetry() + ": "
                    + AtomicFiles.describe(e), e);
        }
    }
}
