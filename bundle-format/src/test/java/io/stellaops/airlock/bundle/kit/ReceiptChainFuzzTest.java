package io.stellaops.airlock.bundle.kit;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the receipt chain reader: the input is split at each line {@code --receipt--} into up to
 * eight receipt files of a kit, in chain order, and {@link Receipts#verifyChain} must return their
 * count or refuse with a {@link BundleException} naming the receipt. (In the kit package because the
 * receipt writer the seeds come from is package-private.)
 */
class ReceiptChainFuzzTest {
    private static final String SEPARATOR = "\n--receipt--\n";
    private static Path kit;

    @FuzzTest(maxDuration = "5m")
    void receiptChainReader(byte[] input) throws IOException {
        KitLayout layout = new KitLayout(kit());
        Path receipts = layout.receipts();
        clear(receipts);
        Files.createDirectories(receipts);
        String[] parts = new String(input, ISO_8859_1).split(SEPARATOR, 8);
        for (int i = 0; i < parts.length; i++) {
            Files.write(receipts.resolve(String.format("%06d-20261101T100000.000Z-x-refused.dsse.json", i + 1)),
                    parts[i].getBytes(ISO_8859_1));
        }
        try {
            assertThat(Receipts.verifyChain(layout, Limits.DEFAULT)).isEqualTo(parts.length);
        } catch (BundleException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotEndWith(": null");
        }
    }

    private static synchronized Path kit() throws IOException {
        if (kit == null) {
            kit = io.stellaops.airlock.bundle.fuzz.FuzzInputs.temporaryFolder("airlock-fuzz-kit-");
        }
        return kit;
    }

    private static void clear(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
