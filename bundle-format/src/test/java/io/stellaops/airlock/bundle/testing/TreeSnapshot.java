package io.stellaops.airlock.bundle.testing;

import io.stellaops.airlock.bundle.archive.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A comparable picture of a folder tree: every path with its type, permissions and content digest or link target. */
public final class TreeSnapshot {
    private TreeSnapshot() {
    }

    public static Map<String, String> of(Path root, Predicate<String> include) throws IOException {
        Map<String, String> picture = new TreeMap<>();
        if (!Files.exists(root)) {
            return picture;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String relative = root.relativize(path).toString();
                if (relative.isEmpty() || !include.test(relative)) {
                    continue;
                }
                String permissions = java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                if (Files.isSymbolicLink(path)) {
                    picture.put(relative, "link -> " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    picture.put(relative, "dir " + permissions);
                } else {
                    picture.put(relative, "file " + permissions + " "
                            + HexFormat.of().formatHex(Sha256.newDigest().digest(Files.readAllBytes(path))));
                }
            }
        }
        return picture;
    }

    /** The live kit: everything but the transient lock file, the quarantine and the receipts. */
    public static Map<String, String> liveKit(Path kit) throws IOException {
        return of(kit, p -> !p.endsWith(".state/lock") && !p.contains("quarantine") && !p.contains("receipts"));
    }
}
