package io.stellaops.airlock.bundle.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.testing.Forge;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.VerificationException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the hostile corpus: Commons Compress reads a tar header whose checksum is wrong as if it
 * were right, so an archive whose header was damaged (or edited) verified as long as its fields
 * still matched the manifest. The reader now refuses it, naming the entry.
 */
class TarHeaderChecksumTest {
    @TempDir
    Path dir;

    @Test
    void refusesAHeaderWhoseChecksumDoesNotMatch() throws Exception {
        Forge forge = new Forge().file("a.yaml", "alpha: 1\n").file("b/c.yaml", "bravo: 2\n");
        byte[] tar = forge.faithfulTar().tarBytes();
        int header = firstHeaderAfterManifest(tar);
        tar[header + 148] = (byte) (tar[header + 148] == '7' ? '6' : '7');
        Path archive = dir.resolve("checksum.tar.gz");
        try (OutputStream out = Compression.GZIP.compress(Files.newOutputStream(archive))) {
            out.write(tar);
        }

        VerificationException e = catchThrowableOfType(VerificationException.class,
                () -> new BundleVerifier(TestBundles.options()).verifyIntegrity(archive));

        assertThat(e).isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.REFUSED);
        assertThat(e.getMessage()).contains("in the tar header before 'a.yaml'")
                .contains("tar header checksum does not match the header's bytes");
    }

    @Test
    void stillReadsGenuineArchives() throws Exception {
        Path archive = new Forge().file("a.yaml", "alpha: 1\n").faithfulTar().write(dir.resolve("ok.tar.gz"), Compression.GZIP);
        assertThat(new BundleVerifier(TestBundles.options()).verifyIntegrity(archive).verified()).isTrue();
    }

    /** The offset of the header after manifest.json: its header block plus its data rounded up to blocks. */
    private static int firstHeaderAfterManifest(byte[] tar) {
        long size = Long.parseLong(new String(tar, 124, 11, java.nio.charset.StandardCharsets.US_ASCII).trim(), 8);
        return (int) (512 + (size + 511) / 512 * 512);
    }
}
