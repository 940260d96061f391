package io.stellaops.airlock.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Deterministic inputs for the benchmarks: YAML-like text and incompressible bytes. */
final class Payloads {
    private Payloads() {
    }

    static byte[] text(int length) {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder text = new StringBuilder(length + 64);
        while (text.length() < length) {
            text.append("  ".repeat(random.nextInt(3))).append("retention_").append(random.nextInt(500)).append(": ")
                    .append(random.nextInt(100_000)).append('\n');
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(2).nextBytes(bytes);
        return bytes;
    }

    static byte[] of(String kind, int length) {
        return "text".equals(kind) ? text(length) : random(length);
    }
}
