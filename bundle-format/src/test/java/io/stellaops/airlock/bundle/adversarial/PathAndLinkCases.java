package io.stellaops.airlock.bundle.adversarial;

import static io.stellaops.airlock.bundle.adversarial.Hostile.A;
import static io.stellaops.airlock.bundle.adversarial.Hostile.C;
import static io.stellaops.airlock.bundle.adversarial.Hostile.refused;
import static io.stellaops.airlock.bundle.adversarial.Hostile.signed;
import static io.stellaops.airlock.bundle.adversarial.Hostile.tar;

import io.stellaops.airlock.bundle.archive.Compression;
import java.util.ArrayList;
import java.util.List;

/**
 * Traversal in every spelling, links in and out of the root, devices and FIFOs, duplicate and
 * case-colliding entries: in the archive under a genuine, trusted manifest, so that the archive
 * reader is the one that must refuse them.
 */
final class PathAndLinkCases {
    private PathAndLinkCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        traversal(cases, "traversal-dotdot", "../pwned.yaml", "has a '..' segment");
        traversal(cases, "traversal-nested-dotdot", "b/../../pwned.yaml", "has a '..' segment");
        traversal(cases, "traversal-absolute", "/tmp/airlock-pwned.yaml", "is absolute");
        traversal(cases, "traversal-backslash", "..\\..\\pwned.yaml", "contains a backslash");
        traversal(cases, "traversal-drive-letter", "C:/Windows/pwned.yaml", "contains a ':'");
        traversal(cases, "traversal-unicode-fullwidth-dots", "\uff0e\uff0e/pwned.yaml", "contains the character U+FF0E");
        traversal(cases, "traversal-unicode-one-dot-leader", "\u2024\u2024/pwned.yaml", "contains the character U+2024");
        traversal(cases, "traversal-unicode-division-slash", "..\u2215pwned.yaml", "contains the character U+2215");
        traversal(cases, "traversal-trailing-dot", "a.yaml.", "has a segment ending in '.'");
        traversal(cases, "traversal-dot-segment", "./a.yaml", "has a '.' segment");
        traversal(cases, "traversal-windows-device", "b/con.yaml", "reserved device name on Windows");
        traversal(cases, "traversal-control-character", "a\n.yaml", "the control character U+000A");

        link(cases, "symlink-out-of-root", (byte) '2', "/etc/passwd", "is a symbolic link to '/etc/passwd'");
        link(cases, "symlink-inside-root", (byte) '2', "b/c.yaml", "is a symbolic link to 'b/c.yaml'");
        link(cases, "hardlink-out-of-root", (byte) '1', "/etc/shadow", "is a hard link to '/etc/shadow'");
        link(cases, "hardlink-inside-root", (byte) '1', "manifest.json", "is a hard link to 'manifest.json'");
        link(cases, "char-device", (byte) '3', null, "is a device");
        link(cases, "block-device", (byte) '4', null, "is a device");
        link(cases, "fifo", (byte) '6', null, "is a FIFO");
        cases.add(refused("symlinked-folder-then-file", "links", "entry 'b' links to /tmp, then 'b/c.yaml' writes through it",
                "is a symbolic link to '/tmp'", (folder, keys) -> {
                    byte[] link = RawTar.header("b", (byte) '2', 0);
                    System.arraycopy("/tmp".getBytes(), 0, link, 157, 4);
                    return signed(folder, keys, "symlinked-folder-then-file",
                            tar().file("a.yaml", A).entry(RawTar.checksum(link), new byte[0]).file("b/c.yaml", C).end().bytes(),
                            Compression.GZIP);
                }));
        cases.add(refused("directory-entry", "links", "a directory entry where a file is listed", "is a directory",
                (folder, keys) -> signed(folder, keys, "directory-entry",
                        tar().entry(RawTar.header("a.yaml/", (byte) '5', 0), new byte[0]).end().bytes(), Compression.GZIP)));

        cases.add(refused("duplicate-entry", "duplicates", "a.yaml twice, the second copy different",
                "entry 'a.yaml' appears twice in the archive", (folder, keys) -> signed(folder, keys, "duplicate-entry",
                        tar().file("a.yaml", A).file("a.yaml", "alpha: evil\n").file("b/c.yaml", C).end().bytes(),
                        Compression.GZIP)));
        cases.add(refused("case-colliding-entry", "duplicates", "A.yaml in the place of the listed a.yaml",
                "entry 'A.yaml' is not listed in the manifest; expected 'a.yaml'", (folder, keys) -> signed(folder, keys,
                        "case-colliding-entry", tar().file("A.yaml", A).file("b/c.yaml", C).end().bytes(), Compression.GZIP)));
        cases.add(refused("second-manifest-entry", "duplicates", "a second manifest.json after the payload",
                "entry 'manifest.json' is not listed in the manifest (found after the last listed file)",
                (folder, keys) -> signed(folder, keys, "second-manifest-entry",
                        tar().file("a.yaml", A).file("b/c.yaml", C).file("manifest.json", "{}").end().bytes(),
                        Compression.GZIP)));
        return cases;
    }

    private static void traversal(List<HostileCase> cases, String id, String name, String problem) {
        cases.add(refused(id, "traversal", "payload entry named '" + name.replace("\n", "\\n") + "'", problem,
                (folder, keys) -> signed(folder, keys, id, tar().file(name, A).file("b/c.yaml", C).end().bytes(),
                        Compression.GZIP)));
    }

    private static void link(List<HostileCase> cases, String id, byte type, String target, String message) {
        String category = target == null ? "devices" : "links";
        cases.add(refused(id, category, "a.yaml as tar type '" + (char) type + "'" + (target == null ? "" : " to " + target),
                "entry 'a.yaml' " + message, (folder, keys) -> {
                    byte[] header = RawTar.header("a.yaml", type, 0);
                    if (target != null) {
                        System.arraycopy(target.getBytes(), 0, header, 157, target.length());
                    }
                    return signed(folder, keys, id, tar().entry(RawTar.checksum(header), new byte[0]).file("b/c.yaml", C)
                            .end().bytes(), Compression.GZIP);
                }));
    }
}
