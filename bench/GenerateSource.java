import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a deterministic synthetic bundle source of a given size: the same arguments give the same
 * files, byte for byte, on any machine. About 35% is YAML and text in many small files (compressible,
 * like dashboards, rules and configuration), 65% incompressible pseudo-random blobs like container
 * image layers: a few large ones and some medium ones.
 *
 * <p>Run without compiling: {@code java bench/GenerateSource.java OUT_FOLDER SIZE_MIB}.
 */
public final class GenerateSource {
    private static final String[] WORDS = {"telemetry", "storage", "loki", "tempo", "prometheus", "ingester",
            "querier", "compactor", "retention", "replicas", "memory", "cpu", "limits", "requests", "tenant",
            "scrape", "interval", "timeout", "alert", "severity", "warning", "critical", "labels", "namespace",
            "stellaops", "volume", "bucket", "chunk", "index", "shard", "ring", "gateway", "ruler"};

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java GenerateSource.java OUT_FOLDER SIZE_MIB");
            System.exit(4);
        }
        Path out = Path.of(args[0]);
        long total = Long.parseLong(args[1]) << 20;
        if (Files.exists(out)) {
            System.err.println(out + " exists; remove it first");
            System.exit(4);
        }
        SplittableRandom random = new SplittableRandom(20261125L);
        long text = total * 35 / 100;
        long written = writeText(out.resolve("config"), text, random);
        long blobs = total - written;
        // A few large layers (together 70% of the blob share) and medium ones of 1-8 MiB for the rest.
        long large = blobs * 70 / 100;
        int layers = 4;
        for (int i = 0; i < layers; i++) {
            long size = i < layers - 1 ? large / layers : large - (large / layers) * (layers - 1);
            writeBlob(out.resolve(String.format("images/layers/sha256-%02d.tar", i)), size, random);
        }
        long medium = blobs - large;
        for (int i = 0; medium > 0; i++) {
            long size = Math.min(medium, (1L << 20) + random.nextLong(7L << 20));
            writeBlob(out.resolve(String.format("images/blobs/blob-%04d.bin", i)), size, random);
            medium -= size;
        }
    }

    private static long writeText(Path folder, long budget, SplittableRandom random) throws IOException {
        long written = 0;
        for (int i = 0; written < budget; i++) {
            int size = (int) Math.min(budget - written, 1024 + random.nextInt(63 * 1024));
            String ext = i % 5 == 0 ? ".txt" : ".yaml";
            Path file = folder.resolve(String.format("group-%03d/file-%05d%s", i / 200, i, ext));
            Files.createDirectories(file.getParent());
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                int n = 0;
                StringBuilder line = new StringBuilder(128);
                while (n < size) {
                    line.setLength(0);
                    line.append("  ".repeat(random.nextInt(4))).append(word(random)).append('_').append(word(random))
                            .append(": ");
                    switch (random.nextInt(3)) {
                        case 0 -> line.append(random.nextInt(100000));
                        case 1 -> line.append(word(random)).append('-').append(Integer.toHexString(random.nextInt()));
                        default -> {
                            int v = random.nextInt(1_000_000);
                            line.append(v / 1000).append('.').append((char) ('0' + v / 100 % 10))
                                    .append((char) ('0' + v / 10 % 10)).append((char) ('0' + v % 10));
                        }
                    }
                    line.append('\n');
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    int len = Math.min(bytes.length, size - n);
                    o.write(bytes, 0, len);
                    n += len;
                }
            }
            written += size;
        }
        return written;
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static void writeBlob(Path file, long size, SplittableRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] buffer = new byte[1 << 20];
        try (OutputStream o = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        buffer[i + k] = (byte) (v >>> (8 * k));
                    }
                }
                int n = (int) Math.min(left, buffer.length);
                o.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
