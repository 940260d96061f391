package io.stellaops.airlock.bundle.manifest;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One payload file as the manifest lists it. A value that exists is valid: the path follows
 * {@link BundlePath}, the digest is lowercase hex SHA-256, the mode is 0644 or 0755.
 *
 * @param path      relative path inside the bundle
 * @param size      exact size in bytes
 * @param sha256    lowercase hex SHA-256 of the content
 * @param mode      POSIX permission bits, 0644 or 0755
 * @param mediaType IANA media type of the content
 * @param role      what the file is for
 */
public record FileEntry(String path, long size, String sha256, int mode, String mediaType, FileRole role) {
    public static final int MODE_REGULAR = 0644;
    public static final int MODE_EXECUTABLE = 0755;

    /** Media types already found valid: a bundle uses a handful, checked once each; bounded. */
    private static final Set<String> VALID_MEDIA_TYPES = ConcurrentHashMap.newKeySet();
    private static final int MAX_REMEMBERED_MEDIA_TYPES = 256;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        if (BundlePath.problemOf(path, Integer.MAX_VALUE) != null) {
            throw new IllegalArgumentException("path '" + BundlePath.printable(path) + "' "
                    + BundlePath.problemOf(path, Integer.MAX_VALUE));
        }
        if (size < 0) {
            throw new IllegalArgumentException("size of '" + path + "' is negative");
        }
        if (!isSha256Hex(sha256)) {
            throw new IllegalArgumentException("sha256 of '" + path + "' is not 64 lowercase hex digits");
        }
        if (mode != MODE_REGULAR && mode != MODE_EXECUTABLE) {
            throw new IllegalArgumentException("mode of '" + path + "' is not 0644 or 0755");
        }
        if (!isMediaType(mediaType)) {
            throw new IllegalArgumentException("media type of '" + path + "' is not a lowercase type/subtype");
        }
    }

    /** Lowercase hex of 32 bytes; a loop, since the check runs once per listed file. */
    private static boolean isSha256Hex(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMediaType(String text) {
        if (text == null) {
            return false;
        }
        if (VALID_MEDIA_TYPES.contains(text)) {
            return true;
        }
        if (!MEDIA_TYPE.matcher(text).matches()) {
            return false;
        }
        if (VALID_MEDIA_TYPES.size() < MAX_REMEMBERED_MEDIA_TYPES) {
            VALID_MEDIA_TYPES.add(text);
        }
        return true;
    }

    /** The mode as the manifest writes it: four octal digits. */
    public String modeOctal() {
        return String.format("%04o", mode);
    }
}
