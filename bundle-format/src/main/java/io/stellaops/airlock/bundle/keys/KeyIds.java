package io.stellaops.airlock.bundle.keys;

import io.stellaops.airlock.bundle.archive.Sha256;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Key ids: the lowercase hex SHA-256 of a public key's DER SubjectPublicKeyInfo. A key id names a
 * key so that a verifier can find it quickly; it is a hint and never a reason to trust anything.
 */
public final class KeyIds {
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");
    /** How many hex digits name a key in file names and in one-line summaries. */
    public static final int SHORT_LENGTH = 16;

    private KeyIds() {
    }

    public static String of(PublicKey key) {
        return of(key.getEncoded());
    }

    public static String of(byte[] subjectPublicKeyInfo) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(subjectPublicKeyInfo));
    }

    /** Whether {@code text} has the form of a key id (64 lowercase hex digits), and so is safe in a file name. */
    public static boolean isKeyId(String text) {
        return text != null && KEY_ID.matcher(text).matches();
    }

    /** The first {@value #SHORT_LENGTH} hex digits, for file names and summaries. */
    public static String shortForm(String keyId) {
        return keyId.length() <= SHORT_LENGTH ? keyId : keyId.substring(0, SHORT_LENGTH);
    }
}
