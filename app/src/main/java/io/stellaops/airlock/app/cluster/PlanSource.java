package io.stellaops.airlock.app.cluster;

import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.kit.KitStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the bundle files of the plan come from, and the digest that the objects are annotated with.
 *
 * <ul>
 * <li><b>Kit</b>: the active bundle of an Offline Kit, read from {@code telemetry/bundles/<directory>}
 * of the active entry in the kit state (where {@code telemetry/current} points); the digest is the
 * active entry's archive SHA-256, the one {@code airlock kit status} shows.</li>
 * <li><b>Folder</b>: a source folder with the same relative paths. There is no archive, so the digest
 * is the SHA-256 of the {@code sha256sum} listing of the files the plan reads, in this order:
 * {@code cd DIR && sha256sum storage/prometheus.yaml storage/tenants/loki-overrides.yaml
 * storage/tenants/tempo-overrides.yaml | sha256sum} gives the same value. The {@code source}
 * annotation says {@code folder}, so it is never mistaken for an archive digest.</li>
 * </ul>
 *
 * @param root        the folder holding {@code storage/...}
 * @param sha256      the digest of the {@code bundle-sha256} annotation
 * @param annotation  the value of the {@code source} annotation: {@code kit:<generation>-<version>} or {@code folder}
 * @param description one line for people
 */
public record PlanSource(Path root, String sha256, String annotation, String description) {
    public static final String SCRAPE_CONFIG = "storage/prometheus.yaml";
    public static final String LOKI_OVERRIDES = "storage/tenants/loki-overrides.yaml";
    public static final String TEMPO_OVERRIDES = "storage/tenants/tempo-overrides.yaml";
    /** The files the plan reads, in byte order of path. */
    public static final List<String> FILES = List.of(SCRAPE_CONFIG, LOKI_OVERRIDES, TEMPO_OVERRIDES);

    /** The active bundle of the Offline Kit at {@code kit}. */
    public static PlanSource kit(Path kit) throws ClusterException {
        KitLayout layout = new KitLayout(kit);
        if (!Files.isDirectory(layout.telemetry())) {
            throw new ClusterException(Reason.UNREADABLE, "kit " + kit + " has no telemetry/ folder");
        }
        KitEntry active;
        try {
            active = new KitStateStore(layout).read().active().orElseThrow(() -> new ClusterException(Reason.UNREADABLE,
                    "kit " + kit + " has no active bundle; import one with 'airlock kit import'"));
        } catch (BundleException e) {
            throw ClusterException.of(e);
        }
        Path root = layout.bundles().resolve(active.directory());
        requireFiles(root, "the active bundle (generation " + active.generation() + ") of kit " + kit);
        return new PlanSource(root, active.archiveSha256(), "kit:" + active.directory(), "kit " + layout.root()
                + ", active generation " + active.generation() + " (" + active.name() + " " + active.version() + ")");
    }

    /** A source folder with the bundle's relative paths. */
    public static PlanSource folder(Path folder) throws ClusterException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ClusterException(Reason.UNREADABLE, "source folder " + folder + " does not exist");
        }
        requireFiles(root, "source folder " + folder);
        StringBuilder listing = new StringBuilder();
        for (String file : FILES) {
            listing.append(hex(digest(root.resolve(file)))).append("  ").append(file).append('\n');
        }
        String sha256 = hex(Sha256.newDigest().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
        return new PlanSource(root, sha256, "folder", "source folder " + root);
    }

    public Path file(String relative) {
        return root.resolve(relative);
    }

    private static void requireFiles(Path root, String what) throws ClusterException {
        for (String file : FILES) {
            if (!Files.isRegularFile(root.resolve(file))) {
                throw new ClusterException(Reason.UNREADABLE, what + " has no " + file);
            }
        }
    }

    private static byte[] digest(Path file) throws ClusterException {
        MessageDigest digest = Sha256.newDigest();
        try {
            digest.update(Files.readAllBytes(file));
            return digest.digest();
        } catch (IOException e) {
            throw new ClusterException(Reason.UNREADABLE, "cannot read " + file + ": "
                    + io.stellaops.airlock.bundle.io.AtomicFiles.describe(e), e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
