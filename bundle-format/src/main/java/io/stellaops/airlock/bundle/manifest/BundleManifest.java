package io.stellaops.airlock.bundle.manifest;

import io.stellaops.airlock.bundle.Limits;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The signed description of a bundle: what it is ({@code name}, {@code version}, a monotonic
 * {@code generation}), when it is valid, who produced it, and every payload file with its size,
 * digest, mode, media type and role, in byte order of path. It is immutable and valid by
 * construction: a list out of order, a duplicate or case-colliding path, or an expiry before the
 * creation time cannot be represented. Serialised by {@link ManifestCodec} as an in-toto
 * Statement v1 in canonical JSON.
 *
 * @param formatVersion the bundle format version this manifest follows
 * @param name          bundle name, lowercase letters, digits and '-'
 * @param version       bundle version, a token of [0-9A-Za-z._+-]
 * @param generation    monotonic counter; importers refuse one not above the highest seen
 * @param createdAt     creation time, whole seconds, UTC
 * @param expiresAt     end of validity, whole seconds, after {@code createdAt}
 * @param producer      the tool that wrote the bundle
 * @param files         payload files in byte order of path
 */
public record BundleManifest(
        int formatVersion,
        String name,
        String version,
        long generation,
        Instant createdAt,
        Instant expiresAt,
        Producer producer,
        List<FileEntry> files) {

    /** The bundle format version this library writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** Largest integer every JSON reader represents exactly (2^53 - 1). */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]{0,63}");

    public BundleManifest {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + formatVersion + " is not " + FORMAT_VERSION);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-64 characters of lowercase letters, digits and '-', starting with a letter or digit");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version must be 1-64 characters of [0-9A-Za-z._+-], starting with a letter or digit");
        }
        if (generation < 1 || generation > MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("generation must be between 1 and " + MAX_SAFE_INTEGER);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(producer, "producer");
        if (createdAt.getNano() != 0 || expiresAt.getNano() != 0) {
            throw new IllegalArgumentException("createdAt and expiresAt must be whole seconds");
        }
        if (createdAt.getEpochSecond() < 0 || expiresAt.getEpochSecond() > 253402300799L) {
            throw new IllegalArgumentException("createdAt and expiresAt must lie between 1970 and 9999");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
        files = List.copyOf(files);
        checkOrderAndCollisions(files);
    }

    private static void checkOrderAndCollisions(List<FileEntry> files) {
        Map<String, String> byFoldedCase = new HashMap<>();
        String previous = null;
        for (FileEntry file : files) {
            // Paths are ASCII (FileEntry holds only valid BundlePaths), where UTF-16 order is byte order.
            if (previous != null && previous.compareTo(file.path()) >= 0) {
                throw new IllegalArgumentException(previous.equals(file.path())
                        ? "file '" + file.path() + "' is listed twice"
                        : "file '" + file.path() + "' is listed after '" + previous + "' (must be in byte order of path)");
            }
            String other = byFoldedCase.put(BundlePath.caseFoldKey(file.path()), file.path());
            if (other != null) {
                throw new IllegalArgumentException("files '" + other + "' and '" + file.path()
                        + "' differ only in case and would collide on case-insensitive file systems");
            }
            previous = file.path();
        }
        Map<String, String> directories = new HashMap<>();
        for (FileEntry file : files) {
            String path = file.path();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                directories.put(path.substring(0, slash), path);
            }
        }
        for (FileEntry file : files) {
            if (directories.containsKey(file.path())) {
                throw new IllegalArgumentException("'" + file.path() + "' is listed as a file and is also the folder of '"
                        + directories.get(file.path()) + "'");
            }
        }
    }

    /** Sum of all payload sizes. */
    public long totalSize() {
        long total = 0;
        for (FileEntry file : files) {
            total = Math.addExact(total, file.size());
        }
        return total;
    }

    /** The conventional archive file name, without the compression suffix. */
    public String baseFileName() {
        return name + "-" + version + ".tar";
    }

    /**
     * The first limit this manifest's own claims break, or {@code null}: too many files, a path,
     * a file or the total over the caps.
     */
    public String limitProblem(Limits limits) {
        if (files.size() > limits.maxEntries()) {
            return "lists " + files.size() + " files, more than the limit of " + limits.maxEntries();
        }
        long total = 0;
        for (FileEntry file : files) {
            if (file.path().length() > limits.maxPathBytes()) {
                return "lists path '" + file.path() + "' longer than " + limits.maxPathBytes() + " bytes";
            }
            if (file.size() > limits.maxFileBytes()) {
                return "lists '" + file.path() + "' of " + file.size() + " bytes, over the per-file limit of "
                        + limits.maxFileBytes();
            }
            total += file.size();
            if (total > limits.maxTotalBytes()) {
                return "lists more than " + limits.maxTotalBytes() + " bytes in total";
            }
        }
        return null;
    }
}
