package io.stellaops.airlock.bundle.sign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.keys.KeyIds;
import io.stellaops.airlock.bundle.manifest.CanonicalJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one Sigstore bundle (v0.3, JSON) per signature beside the archive, for tools that speak
 * Sigstore: each holds a DSSE envelope with that single signature (Sigstore bundles carry exactly
 * one) and names its key by {@code verificationMaterial.publicKey.hint} = the key id; the verifier
 * supplies the key. There is no transparency log entry: air-gapped signing has no log to reach.
 * Certificate chains stay in {@code FILE.dsse.json} only. These files are outputs for interop;
 * Airlock's own verifier reads the DSSE envelope.
 */
public final class SigstoreBundles {
    public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SigstoreBundles() {
    }

    /** The Sigstore bundle for one signature of {@code envelope}, as canonical JSON. */
    public static byte[] encode(DsseEnvelope envelope, DsseSignature signature) {
        ObjectNode root = NODES.objectNode();
        root.put("mediaType", MEDIA_TYPE);
        ObjectNode material = root.putObject("verificationMaterial");
        material.putObject("publicKey").put("hint", signature.keyId());
        material.putArray("tlogEntries");
        ObjectNode dsse = root.putObject("dsseEnvelope");
        dsse.put("payload", envelope.payloadBase64());
        dsse.put("payloadType", envelope.payloadType());
        dsse.putArray("signatures").add(EnvelopeCodec.signatureJson(signature, false));
        return CanonicalJson.write(root);
    }

    /**
     * Writes (or rewrites, same bytes) the bundle of every signature whose key id can name a file;
     * signatures without a proper key id, which Airlock never writes, are left out.
     */
    public static List<Path> write(Path archive, DsseEnvelope envelope) throws BundleException {
        List<Path> written = new ArrayList<>();
        for (DsseSignature signature : envelope.signatures()) {
            if (KeyIds.isKeyId(signature.keyId())) {
                Path file = SignatureFiles.sigstoreBundleFor(archive, signature.keyId());
                AtomicFiles.write(file, encode(envelope, signature), false, true);
                written.add(file);
            }
        }
        return written;
    }
}
