package io.stellaops.airlock.bundle;

/**
 * Hard caps that hold whatever a manifest claims. A reader never allocates, counts or decompresses
 * past them; a builder refuses a source that would exceed them, so that every bundle Airlock writes
 * can be read back by Airlock. Callers may tighten them (for example the wizard on a small disk)
 * but the defaults are the documented ones of {@code docs/bundle-format.md}.
 *
 * @param maxEntries        payload files in one bundle
 * @param maxPathBytes      UTF-8 bytes of one payload path
 * @param maxHeaderBytes    bytes of tar headers (including PAX extended headers) before one entry's data
 * @param maxManifestBytes  bytes of {@code manifest.json}
 * @param maxFileBytes      bytes of one payload file
 * @param maxTotalBytes     bytes of all payload files together
 * @param maxTrailerBytes   zero bytes allowed after the tar end-of-archive marker (block padding)
 */
public record Limits(
        int maxEntries,
        int maxPathBytes,
        int maxHeaderBytes,
        int maxManifestBytes,
        long maxFileBytes,
        long maxTotalBytes,
        int maxTrailerBytes) {

    /** The documented defaults. */
    public static final Limits DEFAULT = new Limits(
            100_000,
            1024,
            64 * 1024,
            32 * 1024 * 1024,
            64L << 30,
            512L << 30,
            1 << 20);

    public Limits {
        if (maxEntries < 1 || maxPathBytes < 16 || maxHeaderBytes < 1024 || maxManifestBytes < 1024
                || maxFileBytes < 0 || maxTotalBytes < 0 || maxTrailerBytes < 1024) {
            throw new IllegalArgumentException("limits out of range: " + maxEntries + "/" + maxPathBytes
                    + "/" + maxHeaderBytes + "/" + maxManifestBytes + "/" + maxFileBytes + "/" + maxTotalBytes
                    + "/" + maxTrailerBytes);
        }
    }
}
