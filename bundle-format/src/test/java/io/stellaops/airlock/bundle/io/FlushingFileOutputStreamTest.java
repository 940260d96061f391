package io.stellaops.airlock.bundle.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file written with background flushes (on the real file system of the test's temporary
 * folder, past several flush intervals) holds exactly the bytes written, in order.
 */
class FlushingFileOutputStreamTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryByteInOrderAcrossSeveralBackgroundFlushes() throws Exception {
        Path file = dir.resolve("out.bin");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(7);
        long total = 0;
        long target = 3L * FlushingFileOutputStream.FLUSH_EVERY_MIB * 1024 * 1024 + 12345;
        try (FlushingFileOutputStream out = new FlushingFileOutputStream(file)) {
            byte[] piece = new byte[1 << 20];
            while (total < target) {
                int length = (int) Math.min(target - total, 1 + random.nextInt(piece.length));
                random.nextBytes(piece);
                out.write(piece, 0, length);
                expected.update(piece, 0, length);
                total += length;
            }
            out.write(42);
            expected.update((byte) 42);
            total++;
        }
        assertThat(Files.size(file)).isEqualTo(total);
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                actual.update(buffer, 0, n);
            }
        }
        assertThat(actual.digest()).isEqualTo(expected.digest());
    }

    @Test
    void neverOpensAFileThatExists() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "keep me");
        assertThatThrownBy(() -> new FlushingFileOutputStream(file)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }
}
