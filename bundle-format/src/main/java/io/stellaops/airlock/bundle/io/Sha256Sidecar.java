package io.stellaops.airlock.bundle.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <archive>.sha256} sidecar in {@code sha256sum} format ("HEX  NAME\n"), so that
 * {@code sha256sum -c} checks a bundle on any machine without Airlock. It is a convenience, not a
 * trust anchor: only the signature vouches for a bundle.
 *
 * @param sha256   lowercase hex digest of the archive
 * @param fileName the archive's file name as written in the sidecar
 */
public record Sha256Sidecar(String sha256, String fileName) {
    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *]([^\\r\\n/\\\\]+)\\r?\\n?");
    private static final int MAX_BYTES = 4096;

    public static Path pathFor(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    public byte[] toBytes() {
        return (sha256 + "  " + fileName + "\n").getBytes(UTF_8);
    }

    /** Reads the sidecar next to {@code archive}, if there is one. */
    public static Optional<Sha256Sidecar> read(Path archive) throws BundleException {
        Path path = pathFor(archive);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new BundleException(Failure.REFUSED, path.getFileName() + " is larger than a sha256sum line");
            }
            String text = Files.readString(path, UTF_8);
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                throw new BundleException(Failure.REFUSED, path.getFileName()
                        + " is not in sha256sum format (one line: 64 hex digits, two spaces, the file name)");
            }
            return Optional.of(new Sha256Sidecar(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2)));
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot read " + path + ": " + AtomicFiles.describe(e), e);
        }
    }
}
