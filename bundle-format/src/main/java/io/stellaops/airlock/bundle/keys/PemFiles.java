package io.stellaops.airlock.bundle.keys;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes PEM text with Bouncy Castle's codec, with caps on size and block count so that a
 * trust folder or a key file cannot make the reader allocate without bound. Text around the blocks
 * (comments, openssl's "Bag Attributes") is ignored, as openssl does.
 */
public final class PemFiles {
    /** Larger than any key, certificate chain or CA bundle Airlock expects. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_BLOCKS = 64;

    private PemFiles() {
    }

    /** The raw bytes of a key or PEM file, refused when larger than {@link #MAX_FILE_BYTES}. */
    public static byte[] readCapped(Path file) throws BundleException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BundleException(Failure.UNREADABLE, "cannot read " + file + ": no such file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new BundleException(Failure.REFUSED, file + " is larger than " + MAX_FILE_BYTES
                        + " bytes, too large for a key or certificate file");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    public static List<PemBlock> read(Path file) throws BundleException {
        byte[] bytes = readCapped(file);
        try {
            return parse(bytes, file.toString());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Whether {@code bytes} look like PEM text rather than DER (such as PKCS#12). */
    public static boolean looksLikePem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), US_ASCII);
        return head.contains("-----BEGIN ");
    }

    /**
     * @param source names the input in messages
     * @throws BundleException {@link Failure#REFUSED} when the text has no block, a damaged block, or too many
     */
    public static List<PemBlock> parse(byte[] bytes, String source) throws BundleException {
        List<PemBlock> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new InputStreamReader(new ByteArrayInputStream(bytes), US_ASCII))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                if (blocks.size() == MAX_BLOCKS) {
                    throw new BundleException(Failure.REFUSED, source + " holds more than " + MAX_BLOCKS + " PEM blocks");
                }
                byte[] content = object.getContent();
                blocks.add(new PemBlock(object.getType(), content));
                Arrays.fill(content, (byte) 0);
            }
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports damaged base64 as IOException or as a DecoderException (unchecked).
            throw new BundleException(Failure.REFUSED, source + " is not valid PEM: a block is damaged", e);
        }
        if (blocks.isEmpty()) {
            throw new BundleException(Failure.REFUSED, source + " holds no PEM block (-----BEGIN ...-----)");
        }
        return blocks;
    }

    /** One PEM block as ASCII bytes, 64 base64 characters per line, ending in a newline. */
    public static byte[] encode(String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length * 2);
        try (PemWriter writer = new PemWriter(new OutputStreamWriter(out, US_ASCII))) {
            writer.writeObject(new PemObject(type, content));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing PEM to memory failed", e);
        }
        return out.toByteArray();
    }
}
