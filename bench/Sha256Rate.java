import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reference of the verify-throughput target: how fast ONE JVM thread hashes the files of a
 * folder with SHA-256 alone (read with a 1 MiB buffer, from the page cache when the folder was
 * just read). Runs three rounds and prints the best, in MiB/s, on one line.
 *
 * <p>Run without compiling: {@code java bench/Sha256Rate.java FOLDER}.
 */
public final class Sha256Rate {
    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long bytes = 0;
            long start = System.nanoTime();
            for (Path file : files) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                try (FileChannel channel = FileChannel.open(file)) {
                    while (channel.read(buffer.clear()) > 0) {
                        sha256.update(buffer.array(), 0, buffer.position());
                        bytes += buffer.position();
                    }
                }
                sha256.digest();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, bytes / seconds / (1 << 20));
        }
        System.out.printf("%.0f%n", best);
    }
}
