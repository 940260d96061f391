package io.stellaops.airlock.bundle.keys;

import java.util.Arrays;

/**
 * One block of a PEM file: its label ("PUBLIC KEY", "CERTIFICATE", "ENCRYPTED PRIVATE KEY", ...)
 * and its decoded DER content. Blocks holding private keys are wiped with {@link #wipe()} as soon
 * as they are decoded.
 *
 * @param type    the label between "-----BEGIN " and "-----"
 * @param content the DER bytes
 */
public record PemBlock(String type, byte[] content) {
    public PemBlock {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Overwrites the content with zeros: for blocks that held a private key. */
    public void wipe() {
        Arrays.fill(content, (byte) 0);
    }

    boolean isPrivateKey() {
        return type.contains("PRIVATE KEY");
    }

    @Override
    public String toString() {
        return "PemBlock[" + type + ", " + content.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PemBlock block && block.type.equals(type) && Arrays.equals(block.content, content);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(content);
    }
}
