package io.stellaops.airlock.app.cluster;

import io.stellaops.airlock.bundle.archive.Sha256;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The value of one key of a Secret or ConfigMap in the plan. Only its digest and size are ever
 * shown; {@link #toString()} says so. Values of Secrets are wiped when the plan is closed.
 */
public final class DataValue implements Destroyable {
    private final byte[] bytes;
    private final String sha256;
    private final boolean secret;
    private final String origin;
    private boolean destroyed;

    /** Takes ownership of {@code bytes}; {@code origin} says where the value came from (a path, "token file"). */
    public DataValue(byte[] bytes, boolean secret, String origin) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.sha256 = sha256(bytes);
        this.secret = secret;
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }

    public String sha256() {
        return sha256;
    }

    public int size() {
        return bytes.length;
    }

    /** True for a value of a Secret, which is never printed and is wiped on close. */
    public boolean secret() {
        return secret;
    }

    public String origin() {
        return origin;
    }

    /** The value itself, for the API request or the export; never for display. */
    byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("the value was wiped");
        }
        return bytes;
    }

    @Override
    public void destroy() {
        if (secret) {
            Arrays.fill(bytes, (byte) 0);
            destroyed = true;
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "sha256:" + sha256 + " (" + bytes.length + " bytes)";
    }
}
