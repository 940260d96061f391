package io.stellaops.airlock.bundle.archive;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The compressions a bundle archive may use. Gzip is the default because the Offline Kit expects
 * {@code .tar.gz}; zstd is offered for large bundles. Readers never trust the file name: they tell
 * the two apart by their magic bytes. Parameters are fixed so that the same tar stream always
 * compresses to the same bytes on the same platform.
 */
public enum Compression {
    /** RFC 1952 gzip, deflate level 6, no file name, mtime 0. */
    GZIP("gzip", ".tar.gz", new byte[] {0x1f, (byte) 0x8b}),
    /** Zstandard, level 3, single frame with content checksum. */
    ZSTD("zstd", ".tar.zst", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    static final int GZIP_LEVEL = 6;
    static final int ZSTD_LEVEL = 3;
    private static final int BUFFER = 64 * 1024;

    private final String id;
    private final String suffix;
    private final byte[] magic;

    Compression(String id, String suffix, byte[] magic) {
        this.id = id;
        this.suffix = suffix;
        this.magic = magic;
    }

    /** The name used on the command line and in reports. */
    public String id() {
        return id;
    }

    /** The archive file suffix, for example {@code .tar.gz}. */
    public String suffix() {
        return suffix;
    }

    /** The number of leading bytes {@link #detect} needs. */
    public static int magicLength() {
        return 4;
    }

    /** The compression whose magic bytes start {@code head}, if any. */
    public static Optional<Compression> detect(byte[] head) {
        for (Compression compression : values()) {
            if (head.length >= compression.magic.length
                    && Arrays.equals(head, 0, compression.magic.length, compression.magic, 0, compression.magic.length)) {
                return Optional.of(compression);
            }
        }
        return Optional.empty();
    }

    public static Optional<Compression> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** A stream that compresses into {@code out}; closing it finishes the compressed stream and closes {@code out}. */
    public OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case GZIP -> new LevelledGzipOutputStream(out);
            case ZSTD -> {
                ZstdOutputStream zstd = new ZstdOutputStream(out, ZSTD_LEVEL);
                zstd.setChecksum(true);
                yield zstd;
            }
        };
    }

    /** Gzip with an explicit level, so that a change of the JDK's default cannot change our bytes. */
    private static final class LevelledGzipOutputStream extends GZIPOutputStream {
        LevelledGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(GZIP_LEVEL);
            def.setStrategy(Deflater.DEFAULT_STRATEGY);
        }
    }
}
