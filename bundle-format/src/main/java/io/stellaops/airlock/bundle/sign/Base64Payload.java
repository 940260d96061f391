package io.stellaops.airlock.bundle.sign;

import com.fasterxml.jackson.core.JsonParser;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Decodes an envelope's {@code payload} string from the document's own bytes, with the JDK's
 * base64 decoders (standard or URL-safe alphabet, as DSSE requires verifiers to accept), into one
 * array of the decoded size. The string is never materialised: for a manifest of 100,000 files the
 * payload is about 30 MiB of base64, which as parser text and a Java string would cost three times
 * that. A string with a JSON escape in it (no encoder writes one) is decoded the ordinary way.
 */
final class Base64Payload {
    private Base64Payload() {
    }

    /** Reads the current {@code VALUE_STRING} token of {@code parser}, which parses {@code document}. */
    static byte[] read(JsonParser parser, byte[] document, Limits limits, JsonFields json)
            throws IOException, BundleException {
        long quote = parser.currentTokenLocation().getByteOffset();
        int end = quote >= 0 && quote < document.length && document[(int) quote] == '"' ? closingQuote(document, (int) quote + 1) : -1;
        byte[] payload;
        if (end < 0) {
            payload = EnvelopeCodec.base64(parser.getText(), "payload", json);
        } else {
            int start = (int) quote + 1;
            boolean urlSafe = false;
            for (int i = start; i < end && !urlSafe; i++) {
                urlSafe = document[i] == '-' || document[i] == '_';
            }
            payload = decode(ByteBuffer.wrap(document, start, end - start), urlSafe, json);
        }
        if (payload.length > limits.maxManifestBytes()) {
            throw json.refused("payload is " + payload.length + " bytes, over the manifest limit of "
                    + limits.maxManifestBytes());
        }
        return payload;
    }

    /** The index of the quote that ends the string starting at {@code from}, or -1 if it holds an escape. */
    private static int closingQuote(byte[] document, int from) {
        for (int i = from; i < document.length; i++) {
            if (document[i] == '"') {
                return i;
            }
            if (document[i] == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static byte[] decode(ByteBuffer base64, boolean urlSafe, JsonFields json) throws BundleException {
        try {
            ByteBuffer decoded = (urlSafe ? java.util.Base64.getUrlDecoder() : java.util.Base64.getDecoder()).decode(base64);
            byte[] array = decoded.array();
            return decoded.arrayOffset() == 0 && decoded.position() == 0 && decoded.remaining() == array.length
                    ? array : Arrays.copyOfRange(array, decoded.arrayOffset() + decoded.position(),
                            decoded.arrayOffset() + decoded.limit());
        } catch (IllegalArgumentException e) {
            throw json.refused("payload is not valid base64");
        }
    }
}
