package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Brings a kit back to the state its {@code state.json} records, after an import or rollback was
 * interrupted at any point: staging folders and temporary files (an unfinished quarantine folder
 * too) are removed, payloads and archives that no completed import recorded are deleted, and the
 * visible parts ({@code current}, the active archive) are re-made from the active entry. Run under the kit lock before every change, so the
 * kit is always either as before an operation or as after it.
 */
final class KitRecovery {
    private KitRecovery() {
    }

    /** @return one line per repair, empty when the kit was consistent */
    static List<String> recover(KitLayout layout, KitState state) throws BundleException {
        List<String> repairs = new ArrayList<>();
        try {
            removeLeftovers(layout.telemetry(), repairs);
            removeLeftovers(layout.stateDir(), repairs);
            removeLeftovers(layout.quarantine(), repairs);
            Set<String> known = state.directories();
            removeUnrecorded(layout.bundles(), known, repairs);
            removeUnrecorded(layout.archives(), known, repairs);
            if (state.active().isPresent()) {
                KitEntry active = state.active().get();
                if (!KitActivation.isActive(layout, active)) {
                    KitActivation.activate(layout, active);
                    repairs.add("re-activated " + KitActivation.describe(active));
                }
            } else if (Files.exists(layout.current(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                KitActivation.deactivate(layout);
                repairs.add("removed an activation that no completed import recorded");
            }
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot recover the kit at " + layout.root() + ": "
                    + AtomicFiles.describe(e), e);
        }
        return repairs;
    }

    private static void removeLeftovers(Path folder, List<String> repairs) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(KitLayout.STAGING_PREFIX) || (name.startsWith(".") && name.endsWith(".partial"))) {
                    KitFiles.deleteTree(entry);
                    repairs.add("removed interrupted work " + folder.getFileName() + "/" + name);
                }
            }
        }
    }

    private static void removeUnrecorded(Path folder, Set<String> known, List<String> repairs) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!known.contains(entry.getFileName().toString())) {
                    KitFiles.deleteTree(entry);
                    repairs.add("removed " + folder.getFileName() + "/" + entry.getFileName() + ", which no completed import recorded");
                }
            }
        }
    }
}
