package io.stellaops.airlock.bundle.fuzz;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the archive reader through the integrity pass of the real {@link BundleVerifier} (archive
 * reader, manifest parser, manifest policy, payload digests; no signature). The first input byte
 * chooses the outer layer, so that the fuzzer mutates tar headers directly instead of compressed
 * bytes: 0 the rest as the file itself (the compression sniffing and decoders see it raw), 1 the
 * rest gzip-compressed, 2 the rest zstd-compressed.
 */
class ArchiveReaderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void archiveReader(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        Path archive = FuzzInputs.scratch("fuzz.tar.gz");
        byte[] tar = Arrays.copyOfRange(input, 1, input.length);
        switch (Byte.toUnsignedInt(input[0]) % 3) {
            case 0 -> Files.write(archive, tar);
            case 1 -> compress(archive, tar, Compression.GZIP);
            default -> compress(archive, tar, Compression.ZSTD);
        }
        try {
            new BundleVerifier(TestBundles.options()).verifyIntegrity(archive);
        } catch (BundleException e) {
            FuzzInputs.requireUsefulMessage(e);
        }
    }

    private static void compress(Path file, byte[] content, Compression compression) throws IOException {
        try (OutputStream out = compression.compress(Files.newOutputStream(file))) {
            out.write(content);
        }
    }
}
