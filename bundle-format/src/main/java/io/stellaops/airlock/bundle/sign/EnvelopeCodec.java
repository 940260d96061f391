package io.stellaops.airlock.bundle.sign;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.manifest.CanonicalJson;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import io.stellaops.airlock.bundle.manifest.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@code FILE.dsse.json}. Writing is canonical JSON (RFC 8785, the manifest's
 * writer), so the same signatures always give the same bytes. Reading is strict: size and
 * signature count capped, duplicate keys and unknown fields refused (DSSE lets consumers ignore
 * unknown fields; a security reviewer's tool should not silently ignore anything), and base64 in
 * either the standard or the URL-safe alphabet, as DSSE requires verifiers to accept.
 * Each signature has {@code sig}, an optional {@code keyid} and the optional Airlock field
 * {@code certChain}: standard base64 DER certificates, leaf first.
 */
public final class EnvelopeCodec {
    static final int MAX_SIG_BYTES = 2048;
    static final int MAX_CERTIFICATE_BYTES = 16 * 1024;
    private static final int SIGNATURES_BUDGET = 4 << 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnvelopeCodec() {
    }

    /** The largest envelope read: the base64 of the largest manifest plus room for the signatures. */
    public static int maxEnvelopeBytes(Limits limits) {
        return (int) Math.min(Integer.MAX_VALUE - 8, ((limits.maxManifestBytes() + 2L) / 3) * 4 + SIGNATURES_BUDGET);
    }

    /** The envelope in {@code file}, or empty when there is no such file. */
    public static Optional<DsseEnvelope> readIfPresent(Path file, Limits limits) throws BundleException {
        String document = String.valueOf(file.getFileName());
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > maxEnvelopeBytes(limits)) {
                throw new BundleException(Failure.REFUSED, document + " is " + size + " bytes, over the limit of "
                        + maxEnvelopeBytes(limits));
            }
            return Optional.of(decode(Files.readAllBytes(file), document, limits));
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * Reads an envelope in one streaming pass. The payload (the base64 of the whole manifest,
     * tens of MiB for a large bundle) is decoded from the document's bytes straight into one array
     * of its decoded size; it never exists as a Java string. Everything else is small and is
     * checked as a tree.
     *
     * @throws BundleException {@link Failure#REFUSED} naming the field that is malformed
     */
    public static DsseEnvelope decode(byte[] bytes, String document, Limits limits) throws BundleException {
        JsonFields json = new JsonFields(document);
        int max = maxEnvelopeBytes(limits);
        if (bytes.length > max) {
            throw json.refused("is " + bytes.length + " bytes, over the limit of " + max);
        }
        JsonFactory factory = StrictJson.jsonFactory(StrictJson.constraints(max, max, 8));
        ObjectNode root = NODES.objectNode();
        byte[] payload = null;
        try (JsonParser parser = new ObjectMapper(factory).createParser(bytes)) {
            StrictJson.startObject(parser, json, "envelope");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("payload") && value == JsonToken.VALUE_STRING) {
                    payload = Base64Payload.read(parser, bytes, limits, json);
                    root.put(name, "");
                } else {
                    root.set(name, parser.readValueAsTree());
                }
            }
            StrictJson.requireEnd(parser, json, "envelope");
        } catch (JsonProcessingException e) {
            throw StrictJson.malformed(e, factory, json);
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, document + ": cannot be read: " + e.getMessage(), e);
        }
        json.exactly(root, "envelope", Set.of("payload", "payloadType", "signatures"));
        json.text(root, "", "payload");
        JsonNode array = json.array(root, "", "signatures");
        if (array.size() > DsseEnvelope.MAX_SIGNATURES) {
            throw json.refused("holds " + array.size() + " signatures, more than the limit of "
                    + DsseEnvelope.MAX_SIGNATURES);
        }
        List<DsseSignature> signatures = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            signatures.add(signature(array.get(i), "signatures[" + i + "]", json));
        }
        return DsseEnvelope.owning(plainText(root, "", "payloadType", json), payload, signatures);
    }

    private static DsseSignature signature(JsonNode node, String path, JsonFields json) throws BundleException {
        json.object(node, path);
        json.only(node, path, Set.of("keyid", "sig", "certChain"));
        byte[] sig = base64(json.text(node, path, "sig"), path + ".sig", json);
        if (sig.length == 0 || sig.length > MAX_SIG_BYTES) {
            throw json.refused(path + ".sig must hold 1 to " + MAX_SIG_BYTES + " bytes, not " + sig.length);
        }
        String keyId = node.has("keyid") ? plainText(node, path, "keyid", json) : "";
        List<X509Certificate> chain = new ArrayList<>();
        if (node.has("certChain")) {
            JsonNode certificates = json.array(node, path, "certChain");
            if (certificates.isEmpty() || certificates.size() > Certificates.MAX_CHAIN) {
                throw json.refused(path + ".certChain must hold 1 to " + Certificates.MAX_CHAIN + " certificates");
            }
            for (int i = 0; i < certificates.size(); i++) {
                String field = path + ".certChain[" + i + "]";
                if (!certificates.get(i).isTextual()) {
                    throw json.refused(field + " must be a string");
                }
                byte[] der = base64(certificates.get(i).textValue(), field, json);
                if (der.length > MAX_CERTIFICATE_BYTES) {
                    throw json.refused(field + " is over " + MAX_CERTIFICATE_BYTES + " bytes");
                }
                chain.add(Certificates.decode(der, json.document() + ": " + field));
            }
        }
        return new DsseSignature(keyId, sig, chain);
    }

    /**
     * A string field without control characters: they would reach the operator's terminal and the
     * reports (escape sequences), and the envelope could not be written back when countersigning.
     */
    private static String plainText(JsonNode node, String path, String name, JsonFields json) throws BundleException {
        String text = json.text(node, path, name);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw json.refused((path.isEmpty() ? "" : path + ".") + name + " contains the control character "
                        + String.format(java.util.Locale.ROOT, "U+%04X", (int) c) + " at index " + i);
            }
        }
        return text;
    }

    static byte[] base64(String text, String field, JsonFields json) throws BundleException {
        try {
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw json.refused(field + " is not valid base64");
        }
    }

    /** The envelope as canonical JSON bytes. */
    public static byte[] encode(DsseEnvelope envelope) {
        ObjectNode root = NODES.objectNode();
        root.put("payload", envelope.payloadBase64());
        root.put("payloadType", envelope.payloadType());
        ArrayNode signatures = root.putArray("signatures");
        for (DsseSignature signature : envelope.signatures()) {
            signatures.add(signatureJson(signature, true));
        }
        return CanonicalJson.write(root);
    }

    /** One signature object; {@code withChain=false} gives plain DSSE, as Sigstore's schema has it. */
    static ObjectNode signatureJson(DsseSignature signature, boolean withChain) {
        ObjectNode node = NODES.objectNode();
        node.put("keyid", signature.keyId());
        node.put("sig", Base64.getEncoder().encodeToString(signature.sig()));
        if (withChain && !signature.certificateChain().isEmpty()) {
            ArrayNode chain = node.putArray("certChain");
            for (X509Certificate certificate : signature.certificateChain()) {
                try {
                    chain.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
                } catch (CertificateEncodingException e) {
                    throw new IllegalStateException("a decoded certificate cannot be encoded again", e);
                }
            }
        }
        return node;
    }
}
