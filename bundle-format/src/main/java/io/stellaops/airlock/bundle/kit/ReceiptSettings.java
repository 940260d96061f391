package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.keys.SigningKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Who records the kit's decisions and with which key.
 *
 * @param operator the operator's name as it appears in receipts
 * @param host     the machine's name
 * @param key      the operator's signing key; without one, receipts are unsigned but hash-chained
 */
public record ReceiptSettings(String operator, String host, Optional<SigningKey> key) {
    public ReceiptSettings {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(key, "key");
    }

    /** The current user on this host, unsigned. */
    public static ReceiptSettings unsigned() {
        return new ReceiptSettings(System.getProperty("user.name", "unknown"), hostName(), Optional.empty());
    }

    public ReceiptSettings withKey(SigningKey signingKey) {
        return new ReceiptSettings(operator, host, Optional.of(signingKey));
    }

    public ReceiptSettings withOperator(String name) {
        return new ReceiptSettings(name, host, key);
    }

    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
