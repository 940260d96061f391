package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.io.Sha256Sidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Makes the kit's visible parts agree with the state's active entry: {@code current} points at its
 * payload, and its archive with sidecars sits where the Offline Kit expects the active bundle. Each
 * step is atomic and the {@code .sha256} sidecar is written last, so that a sidecar matching the
 * state proves the whole activation completed; recovery repeats it otherwise.
 */
final class KitActivation {
    private KitActivation() {
    }

    static void activate(KitLayout layout, KitEntry entry) throws IOException {
        KitFiles.swapSymlink(layout.current(), Path.of("bundles", entry.directory()));
        CrashPoint.reach("current-swapped");
        Path archive = layout.archives().resolve(entry.directory()).resolve(entry.archiveFile());
        Compression compression = compressionOf(entry);
        Path active = layout.activeArchive(compression);
        for (Compression other : Compression.values()) {
            if (other != compression) {
                removeActive(layout.activeArchive(other));
            }
        }
        KitFiles.copyAtomically(archive, active);
        Path envelope = archive.resolveSibling(entry.archiveFile() + ".dsse.json");
        Path activeEnvelope = active.resolveSibling(active.getFileName() + ".dsse.json");
        if (Files.exists(envelope)) {
            KitFiles.copyAtomically(envelope, activeEnvelope);
        } else {
            Files.deleteIfExists(activeEnvelope);
        }
        AtomicFiles.commit(writeTemp(Sha256Sidecar.pathFor(active), sidecar(entry, active)), Sha256Sidecar.pathFor(active), true);
    }

    /** Whether the visible parts already agree with {@code entry}. */
    static boolean isActive(KitLayout layout, KitEntry entry) throws IOException {
        Path current = layout.current();
        if (!Files.isSymbolicLink(current)
                || !Files.readSymbolicLink(current).equals(Path.of("bundles", entry.directory()))) {
            return false;
        }
        Path sidecar = Sha256Sidecar.pathFor(layout.activeArchive(compressionOf(entry)));
        return Files.exists(sidecar) && Arrays.equals(Files.readAllBytes(sidecar), sidecar(entry, layout.activeArchive(compressionOf(entry))));
    }

    static void deactivate(KitLayout layout) throws IOException {
        Files.deleteIfExists(layout.current());
        for (Compression compression : Compression.values()) {
            removeActive(layout.activeArchive(compression));
        }
    }

    private static void removeActive(Path active) throws IOException {
        Files.deleteIfExists(Sha256Sidecar.pathFor(active));
        Files.deleteIfExists(active.resolveSibling(active.getFileName() + ".dsse.json"));
        Files.deleteIfExists(active);
    }

    private static byte[] sidecar(KitEntry entry, Path active) {
        return new Sha256Sidecar(entry.archiveSha256(), active.getFileName().toString()).toBytes();
    }

    private static Compression compressionOf(KitEntry entry) {
        return entry.archiveFile().endsWith(Compression.ZSTD.suffix()) ? Compression.ZSTD : Compression.GZIP;
    }

    private static Path writeTemp(Path target, byte[] content) throws IOException {
        Path temp = AtomicFiles.temporarySibling(target);
        Files.write(temp, content);
        return temp;
    }

    static String describe(KitEntry entry) {
        return "generation " + entry.generation() + " (" + entry.name() + " " + entry.version() + ")";
    }
}
