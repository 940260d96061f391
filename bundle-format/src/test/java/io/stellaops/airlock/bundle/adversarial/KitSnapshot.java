package io.stellaops.airlock.bundle.adversarial;

import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.kit.KitLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The live kit as a comparable value: every path with its type, permissions, size and SHA-256 (or
 * link target), and the exact bytes of {@code state.json}. Left out are the lock file (it names its
 * last holder), the quarantine and the receipts, which a refusal is meant to add to.
 *
 * @param tree  path to "type mode size digest"
 * @param state the bytes of state.json, as text
 */
record KitSnapshot(Map<String, String> tree, String state) {

    static KitSnapshot of(KitLayout layout) throws IOException {
        Path root = layout.root();
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String relative = root.relativize(path).toString();
                if (relative.isEmpty() || relative.endsWith(".state/lock") || path.startsWith(layout.quarantine())
                        || path.startsWith(layout.receipts())) {
                    continue;
                }
                tree.put(relative, describe(path));
            }
        }
        return new KitSnapshot(tree, Files.readString(layout.stateFile()));
    }

    private static String describe(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "link -> " + Files.readSymbolicLink(path);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + mode;
        }
        return "file " + mode + " " + Files.size(path) + " "
                + HexFormat.of().formatHex(Sha256.newDigest().digest(Files.readAllBytes(path)));
    }
}
