package io.stellaops.airlock.bundle.sign;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;

/**
 * DSSE's pre-authentication encoding, the bytes a signature actually covers:
 * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, with lengths as ASCII decimal byte
 * counts. Binding the payload type into the signed bytes is what stops a signature over one kind
 * of document from being replayed as another.
 */
public final class Pae {
    private Pae() {
    }

    public static byte[] encode(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
