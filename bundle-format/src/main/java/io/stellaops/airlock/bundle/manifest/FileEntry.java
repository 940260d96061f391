package io.stellaops.airlock.bundle.manifest;

import java.util.Objects;
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

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
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
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of '" + path + "' is not 64 lowercase hex digits");
        }
        if (mode != MODE_REGULAR && mode != MODE_EXECUTABLE) {
            throw new IllegalArgumentException("mode of '" + path + "' is not 0644 or 0755");
        }
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("media type of '" + path + "' is not a lowercase type/subtype");
        }
    }

    /** The mode as the manifest writes it: four octal digits. */
    public String modeOctal() {
        return String.format("%04o", mode);
    }
}
