package io.stellaops.airlock.bundle.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A passphrase for a private key, held as characters that are overwritten on {@link #close()},
 * never as a {@code String}. Callers read it from a file, the environment or a prompt and use it
 * in try-with-resources; it never appears in {@code toString}, messages or reports.
 */
public final class Passphrase implements AutoCloseable, Destroyable {
    private static final int MAX_BYTES = 4096;
    private final char[] chars;
    private boolean destroyed;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /**
     * Takes ownership of {@code chars} without copying (so no second copy is left behind); they
     * are wiped on {@link #close()}.
     */
    public static Passphrase wrap(char[] chars) {
        return new Passphrase(chars);
    }

    /**
     * Decodes the UTF-8 bytes of a passphrase file or environment value, without a trailing line
     * break, and wipes {@code bytes}.
     */
    public static Passphrase fromUtf8(byte[] bytes) throws BundleException {
        try {
            if (bytes.length > MAX_BYTES) {
                throw new BundleException(Failure.USAGE, "a passphrase must be shorter than " + MAX_BYTES + " bytes");
            }
            CharBuffer decoded = UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            int end = decoded.limit();
            while (end > 0 && (decoded.get(end - 1) == '\n' || decoded.get(end - 1) == '\r')) {
                end--;
            }
            char[] chars = new char[end];
            decoded.get(chars, 0, end);
            Arrays.fill(decoded.array(), '\0');
            return new Passphrase(chars);
        } catch (CharacterCodingException e) {
            throw new BundleException(Failure.USAGE, "the passphrase is not valid UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The characters themselves, for the key codecs of this package only. */
    char[] chars() {
        if (destroyed) {
            throw new IllegalStateException("the passphrase has been wiped");
        }
        return chars;
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public void destroy() {
        Arrays.fill(chars, '\0');
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
