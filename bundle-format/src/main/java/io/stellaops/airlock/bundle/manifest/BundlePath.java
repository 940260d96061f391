package io.stellaops.airlock.bundle.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a payload path must follow, in one place for the builder and the reader. Paths are
 * relative, '/'-separated, and drawn from a portable character set (ASCII letters, digits and
 * {@code . _ - + @ = ,}), so that no spelling of traversal, no Unicode look-alike and no
 * platform-specific name (drive letters, backslashes, trailing dots, reserved device names) can
 * reach an extractor. Paths order by their UTF-8 bytes, which is the order of the archive.
 */
public final class BundlePath {
    /** The name of the first archive entry; no payload file may use it. */
    public static final String MANIFEST_NAME = "manifest.json";
    /** The longest single path segment, as most file systems allow. */
    public static final int MAX_SEGMENT_BYTES = 255;

    /** Byte order of UTF-8 paths: the order of entries in the archive and of lists in the manifest. */
    public static final Comparator<String> BYTE_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8));

    private static final Set<String> WINDOWS_DEVICE_NAMES = Set.of(
            "con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private BundlePath() {
    }

    /**
     * Checks a payload path and returns it unchanged.
     *
     * @throws BundleException {@link Failure#REFUSED} naming the path and the rule it breaks
     */
    public static String check(String path, int maxPathBytes) throws BundleException {
        String problem = problemOf(path, maxPathBytes);
        if (problem != null) {
            throw new BundleException(Failure.REFUSED, "path '" + printable(path) + "' " + problem);
        }
        return path;
    }

    /** The reason a path is refused, or {@code null} when it is acceptable. */
    public static String problemOf(String path, int maxPathBytes) {
        if (path == null || path.isEmpty()) {
            return "is empty";
        }
        if (path.getBytes(UTF_8).length > maxPathBytes) {
            return "is longer than " + maxPathBytes + " bytes";
        }
        if (path.startsWith("/")) {
            return "is absolute";
        }
        if (path.equals(MANIFEST_NAME)) {
            return "is reserved for the manifest";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!isAllowed(c)) {
                return "contains " + describe(c) + " at index " + i
                        + " (allowed: ASCII letters, digits, '/' and . _ - + @ = ,)";
            }
        }
        for (String segment : path.split("/", -1)) {
            String segmentProblem = segmentProblem(segment);
            if (segmentProblem != null) {
                return segmentProblem;
            }
        }
        return null;
    }

    private static String segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return "has an empty segment (leading, trailing or doubled '/')";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return "has a '" + segment + "' segment";
        }
        if (segment.length() > MAX_SEGMENT_BYTES) {
            return "has a segment longer than " + MAX_SEGMENT_BYTES + " bytes";
        }
        if (segment.endsWith(".")) {
            return "has a segment ending in '.' ('" + segment + "')";
        }
        int dot = segment.indexOf('.');
        String stem = (dot < 0 ? segment : segment.substring(0, dot)).toLowerCase(Locale.ROOT);
        if (WINDOWS_DEVICE_NAMES.contains(stem)) {
            return "has a segment that is a reserved device name on Windows ('" + segment + "')";
        }
        return null;
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '/' || c == '.' || c == '_' || c == '-' || c == '+' || c == '@' || c == '=' || c == ',';
    }

    private static String describe(char c) {
        if (c == '\\') {
            return "a backslash";
        }
        if (c == ':') {
            return "a ':' (drive letters and streams are not portable)";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format(Locale.ROOT, "the control character U+%04X", (int) c);
        }
        return String.format(Locale.ROOT, "the character U+%04X", (int) c);
    }

    /**
     * A form of an untrusted path that is safe to print on one line: control characters and
     * non-ASCII characters are escaped, and very long paths are shortened.
     */
    public static String printable(String path) {
        if (path == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length() && out.length() < 200; i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= 200) {
            out.append("...");
        }
        return out.toString();
    }

    /** The key under which two paths collide on a case-insensitive file system. */
    public static String caseFoldKey(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
