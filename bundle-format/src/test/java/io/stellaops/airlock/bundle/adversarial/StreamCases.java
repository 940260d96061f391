package io.stellaops.airlock.bundle.adversarial;

import static io.stellaops.airlock.bundle.adversarial.Hostile.A;
import static io.stellaops.airlock.bundle.adversarial.Hostile.C;
import static io.stellaops.airlock.bundle.adversarial.Hostile.refused;
import static io.stellaops.airlock.bundle.adversarial.Hostile.signed;
import static io.stellaops.airlock.bundle.adversarial.Hostile.tar;

import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.archive.Compression;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Attacks on the container: PAX and GNU long-name tricks, oversized headers, negative and huge
 * sizes, broken checksums, truncation at every layer (compressed stream, tar header, manifest,
 * payload, end marker), concatenated archives and trailing data, and gzip and zstd bombs.
 */
final class StreamCases {
    private static final int MIB = 1 << 20;

    private StreamCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        headers(cases);
        sizes(cases);
        truncation(cases);
        concatenation(cases);
        bombs(cases);
        return cases;
    }

    private static void headers(List<HostileCase> cases) {
        cases.add(refused("pax-path-traversal", "pax/gnu", "ustar name a.yaml, PAX path ../../pwned.yaml",
                "has a '..' segment", (folder, keys) -> signed(folder, keys, "pax-path-traversal",
                        tar().pax("path=../../pwned.yaml").file("a.yaml", A).file("b/c.yaml", C).end().bytes(), Compression.GZIP)));
        cases.add(refused("pax-linkpath-symlink", "pax/gnu", "symlink whose PAX linkpath leaves the root",
                "is a symbolic link to '/etc/passwd'", (folder, keys) -> signed(folder, keys, "pax-linkpath-symlink",
                        tar().pax("linkpath=/etc/passwd").entry(RawTar.header("a.yaml", (byte) '2', 0), new byte[0])
                                .end().bytes(), Compression.GZIP)));
        cases.add(refused("gnu-longname-traversal", "pax/gnu", "GNU long name ../../pwned.yaml over the ustar name a.yaml",
                "has a '..' segment", (folder, keys) -> signed(folder, keys, "gnu-longname-traversal",
                        tar().gnuLongName("../../pwned.yaml").file("a.yaml", A).file("b/c.yaml", C).end().bytes(),
                        Compression.GZIP)));
        cases.add(refused("gnu-longname-bomb", "oversized headers", "GNU long-name record announcing 16 MiB of name",
                "the tar header before 'a.yaml' exceeds 65536 bytes", (folder, keys) -> signed(folder, keys,
                        "gnu-longname-bomb", tar().entry(RawTar.header("././@LongLink", (byte) 'L', 16 * MIB),
                                new byte[16 * MIB]).file("a.yaml", A).end().bytes(), Compression.GZIP)));
        cases.add(refused("pax-header-oversized", "oversized headers", "a 256 KiB PAX comment before a.yaml",
                "the tar header before 'a.yaml' exceeds 65536 bytes", (folder, keys) -> signed(folder, keys,
                        "pax-header-oversized", tar().pax("comment=" + "x".repeat(256 * 1024)).file("a.yaml", A).end().bytes(),
                        Compression.GZIP)));
        cases.add(refused("long-name-over-limit", "oversized headers", "a PAX path of 4000 bytes",
                "is longer than 1024 bytes", (folder, keys) -> signed(folder, keys, "long-name-over-limit",
                        tar().pax("path=" + "d/".repeat(2000) + "a.yaml").file("a.yaml", A).end().bytes(), Compression.GZIP)));
        cases.add(refused("pax-global-header-path", "pax/gnu", "a PAX global header (type g) with path=../../pwned.yaml",
                "entry '../../pwned.yaml' is not listed in the manifest (unsafe path: it has a '..' segment)", (folder, keys) -> signed(folder, keys, "pax-global-header-path",
                        concat(tar().bytes(), globalPax("path=../../pwned.yaml")), Compression.GZIP)));
        cases.add(refused("ustar-prefix-traversal", "pax/gnu", "ustar prefix field '../..' before the name a.yaml",
                "has a '..' segment", (folder, keys) -> {
                    byte[] header = RawTar.header("a.yaml", (byte) '0', A.length());
                    System.arraycopy("../..".getBytes(), 0, header, 345, 5);
                    return signed(folder, keys, "ustar-prefix-traversal",
                            tar().entry(RawTar.checksum(header), A.getBytes()).file("b/c.yaml", C).end().bytes(),
                            Compression.GZIP);
                }));
        cases.add(refused("gnu-sparse-entry", "pax/gnu", "a.yaml as a GNU sparse file (type S)", "is a sparse file",
                (folder, keys) -> signed(folder, keys, "gnu-sparse-entry",
                        tar().entry(RawTar.header("a.yaml", (byte) 'S', A.length()), A.getBytes()).end().bytes(),
                        Compression.GZIP)));
        cases.add(refused("setuid-mode-in-header", "headers", "a.yaml with mode 04755 in its header (listed 0644)",
                "has mode 4755 but the manifest lists 0644", (folder, keys) -> {
                    byte[] header = RawTar.header("a.yaml", (byte) '0', A.length());
                    System.arraycopy("0004755\0".getBytes(), 0, header, 100, 8);
                    return signed(folder, keys, "setuid-mode-in-header",
                            tar().entry(RawTar.checksum(header), A.getBytes()).file("b/c.yaml", C).end().bytes(),
                            Compression.GZIP);
                }));
        cases.add(refused("header-checksum-wrong", "headers", "a.yaml's header with a wrong checksum",
                "checksum", (folder, keys) -> {
                    byte[] header = RawTar.header("a.yaml", (byte) '0', A.length());
                    header[148] = '7';
                    return signed(folder, keys, "header-checksum-wrong",
                            tar().entry(header, A.getBytes()).file("b/c.yaml", C).end().bytes(), Compression.GZIP);
                }));
    }

    private static void sizes(List<HostileCase> cases) {
        cases.add(refused("size-negative-base256", "sizes", "a.yaml with size -1 in base-256",
                "corrupt or truncated", (folder, keys) -> signed(folder, keys, "size-negative-base256",
                        tar().entry(RawTar.withSizeField(RawTar.header("a.yaml", (byte) '0', 0), RawTar.base256(-1)),
                                A.getBytes()).end().bytes(), Compression.GZIP)));
        cases.add(new HostileCase("size-huge-base256", "sizes", "a.yaml claiming 2^62 bytes in base-256",
                Failure.DIGEST_MISMATCH, "entry 'a.yaml' is 4611686018427387904 bytes but the manifest lists 9",
                (folder, keys) -> signed(folder, keys, "size-huge-base256",
                        tar().entry(RawTar.withSizeField(RawTar.header("a.yaml", (byte) '0', 0), RawTar.base256(1L << 62)),
                                A.getBytes()).end().bytes(), Compression.GZIP)));
        cases.add(refused("size-pax-negative", "sizes", "PAX size=-5 for a.yaml", "corrupt or truncated",
                (folder, keys) -> signed(folder, keys, "size-pax-negative",
                        tar().pax("size=-5").file("a.yaml", A).end().bytes(), Compression.GZIP)));
        cases.add(refused("size-pax-overflow", "sizes", "PAX size=99999999999999999999 (over 2^63)", "corrupt or truncated",
                (folder, keys) -> signed(folder, keys, "size-pax-overflow",
                        tar().pax("size=99999999999999999999").file("a.yaml", A).end().bytes(), Compression.GZIP)));
        cases.add(new HostileCase("size-smaller-than-listed", "sizes", "a.yaml shorter than listed (8 of 9 bytes)",
                Failure.DIGEST_MISMATCH, "entry 'a.yaml' is 8 bytes but the manifest lists 9", (folder, keys) -> signed(folder,
                        keys, "size-smaller-than-listed", tar().file("a.yaml", "alpha: 1").file("b/c.yaml", C).end().bytes(),
                        Compression.GZIP)));
        cases.add(new HostileCase("content-swapped", "sizes", "a.yaml of the listed size with other bytes",
                Failure.DIGEST_MISMATCH, "entry 'a.yaml' has sha256 ", (folder, keys) -> signed(folder, keys,
                        "content-swapped", tar().file("a.yaml", "alpha: 6\n").file("b/c.yaml", C).end().bytes(),
                        Compression.GZIP)));
    }

    private static void truncation(List<HostileCase> cases) {
        byte[] whole = tarBytes();
        int manifestData = RawTar.BLOCK + 100;
        int payloadHeader = whole.length - 1024 - 2 * RawTar.BLOCK + 200;
        cases.add(cut("truncated-tar-in-manifest", "the tar stream ends inside manifest.json", whole, manifestData,
                "archive is corrupt or truncated in entry 'manifest.json'"));
        cases.add(cut("truncated-tar-in-header", "the tar stream ends inside b/c.yaml's header", whole, payloadHeader,
                "archive ends before 'b/c.yaml'"));
        cases.add(cut("truncated-tar-in-payload", "the tar stream ends inside b/c.yaml's data", whole,
                whole.length - 1024 - RawTar.BLOCK + 4, "archive is corrupt or truncated in entry 'b/c.yaml'"));
        cases.add(cut("truncated-tar-no-end-marker", "the tar stream stops after the last file", whole,
                whole.length - 1024, "the tar end-of-archive marker is missing"));
        for (Compression compression : Compression.values()) {
            String id = "truncated-" + compression.id() + "-stream";
            cases.add(refused(id, "truncation", "the " + compression.id() + " stream cut in half", "corrupt or truncated",
                    (folder, keys) -> {
                        Path archive = signed(folder, keys, id, tarBytes(), compression);
                        byte[] bytes = Files.readAllBytes(archive);
                        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));
                        return archive;
                    }));
        }
        cases.add(refused("truncated-gzip-header", "truncation", "only the 10-byte gzip header", "corrupt or truncated",
                (folder, keys) -> {
                    Path archive = signed(folder, keys, "truncated-gzip-header", tarBytes(), Compression.GZIP);
                    Files.write(archive, Arrays.copyOf(Files.readAllBytes(archive), 10));
                    return archive;
                }));
        cases.add(refused("empty-file", "truncation", "a zero-byte archive next to a valid envelope",
                "is not a bundle archive", (folder, keys) -> {
                    Path archive = signed(folder, keys, "empty-file", tarBytes(), Compression.GZIP);
                    Files.write(archive, new byte[0]);
                    return archive;
                }));
        cases.add(refused("gzip-crc-flipped", "truncation", "the gzip CRC-32 trailer altered", "corrupt or truncated",
                (folder, keys) -> {
                    Path archive = signed(folder, keys, "gzip-crc-flipped", tarBytes(), Compression.GZIP);
                    byte[] bytes = Files.readAllBytes(archive);
                    bytes[bytes.length - 6] ^= 0x5a;
                    Files.write(archive, bytes);
                    return archive;
                }));
    }

    private static void concatenation(List<HostileCase> cases) {
        for (Compression compression : Compression.values()) {
            String id = "concatenated-" + compression.id();
            cases.add(refused(id, "concatenation", "a second " + compression.id() + " member holding pwned.yaml appended",
                    compression == Compression.GZIP ? "trailing data after the end of the gzip stream"
                            : "has data after the tar end-of-archive marker",
                    (folder, keys) -> {
                        Path archive = signed(folder, keys, id, tarBytes(), compression);
                        Path second = new RawTar().file("pwned.yaml", "x").end().write(folder.resolve("second"), compression);
                        Files.write(archive, Files.readAllBytes(second), StandardOpenOption.APPEND);
                        Files.delete(second);
                        return archive;
                    }));
        }
        cases.add(refused("tar-after-end-marker", "concatenation", "a second tar (pwned.yaml) after the end marker, one stream",
                "has data after the tar end-of-archive marker", (folder, keys) -> signed(folder, keys, "tar-after-end-marker",
                        concat(tarBytes(), new RawTar().file("pwned.yaml", "x").end().bytes()), Compression.GZIP)));
        cases.add(refused("entry-after-last-file", "concatenation", "pwned.yaml after the last listed file",
                "entry 'pwned.yaml' is not listed in the manifest (found after the last listed file)",
                (folder, keys) -> signed(folder, keys, "entry-after-last-file",
                        tar().file("a.yaml", A).file("b/c.yaml", C).file("pwned.yaml", "x").end().bytes(), Compression.GZIP)));
        cases.add(refused("garbage-after-gzip", "concatenation", "bytes appended after the gzip stream",
                "trailing data after the end of the gzip stream", (folder, keys) -> {
                    Path archive = signed(folder, keys, "garbage-after-gzip", tarBytes(), Compression.GZIP);
                    Files.write(archive, "#!/bin/sh\nrm -rf /\n".getBytes(), StandardOpenOption.APPEND);
                    return archive;
                }));
    }

    private static void bombs(List<HostileCase> cases) {
        for (Compression compression : Compression.values()) {
            String id = compression.id() + "-bomb-after-end";
            cases.add(refused(id, "bombs", "256 MiB of zeros after the end marker, " + compression.id() + "-compressed",
                    "exceeds the trailer limit of 1114112 bytes", (folder, keys) -> bomb(folder, keys, id, compression,
                            tarBytes(), 256)));
            String manifestId = compression.id() + "-bomb-manifest";
            cases.add(refused(manifestId, "bombs", "manifest.json entry of 64 MiB of zeros, " + compression.id(),
                    "manifest.json is 67108864 bytes, over the limit of 33554432", (folder, keys) -> bomb(folder, keys,
                            manifestId, compression, RawTar.header("manifest.json", (byte) '0', 64L * MIB), 64)));
        }
        cases.add(new HostileCase("gzip-bomb-in-entry", "bombs", "a.yaml holding 256 MiB of zeros under a 9-byte listing",
                Failure.DIGEST_MISMATCH, "entry 'a.yaml' is 268435456 bytes but the manifest lists 9",
                (folder, keys) -> bomb(folder, keys, "gzip-bomb-in-entry", Compression.GZIP,
                        concat(tar().bytes(), RawTar.header("a.yaml", (byte) '0', 256L * MIB)), 256)));
    }

    /** {@code head} followed by {@code mib} MiB of zeros, compressed: a few hundred KiB on disk. */
    private static Path bomb(Path folder, CorpusKeys keys, String id, Compression compression, byte[] head, int mib)
            throws Exception {
        Path archive = folder.resolve(id + compression.suffix());
        try (OutputStream out = compression.compress(Files.newOutputStream(archive))) {
            out.write(head);
            byte[] zeros = new byte[MIB];
            for (int i = 0; i < mib; i++) {
                out.write(zeros);
            }
        }
        keys.sign(archive, Hostile.manifest());
        return archive;
    }

    private static HostileCase cut(String id, String attack, byte[] whole, int length, String message) {
        return refused(id, "truncation", attack, message,
                (folder, keys) -> signed(folder, keys, id, Arrays.copyOf(whole, length), Compression.GZIP));
    }

    /** A PAX global header: its records apply to every entry after it. */
    private static byte[] globalPax(String record) {
        byte[] pax = new RawTar().pax(record).bytes();
        pax[156] = 'g';
        return concat(RawTar.checksum(java.util.Arrays.copyOf(pax, RawTar.BLOCK)),
                concat(java.util.Arrays.copyOfRange(pax, RawTar.BLOCK, pax.length),
                        new RawTar().file("a.yaml", A).file("b/c.yaml", C).end().bytes()));
    }

    private static byte[] tarBytes() {
        return tar().file("a.yaml", A).file("b/c.yaml", C).end().bytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
