package io.stellaops.airlock.bundle.sign;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;


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
        byte[] head = ("DSSEv1 " + type.length + " ").getBytes(US_ASCII);
        byte[] middle = (" " + payload.length + " ").getBytes(US_ASCII);
        byte[] pae = new byte[head.length + type.length + middle.length + payload.length];
        System.arraycopy(head, 0, pae, 0, head.length);
        System.arraycopy(type, 0, pae, head.length, type.length);
        System.arraycopy(middle, 0, pae, head.length + type.length, middle.length);
        System.arraycopy(payload, 0, pae, head.length + type.length + middle.length, payload.length);
        return pae;
    }
}
