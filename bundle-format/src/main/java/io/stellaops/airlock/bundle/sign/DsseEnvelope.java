package io.stellaops.airlock.bundle.sign;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope as Airlock writes it beside an archive: the payload is the exact bytes of the
 * archive's {@code manifest.json}, the payload type {@value #PAYLOAD_TYPE}, and one signature per
 * signer over {@link Pae PAE}(type, payload).
 *
 * <p>Immutable. It is a class rather than a record so that the codec can hand over a freshly
 * decoded payload without the defensive copy a record's constructor would make: a payload is a
 * whole manifest, tens of MiB for a bundle of 100,000 files.
 */
public final class DsseEnvelope {
    /** The in-toto media type: the payload is an in-toto Statement. */
    public static final String PAYLOAD_TYPE = ManifestCodec.MEDIA_TYPE;
    /** More signatures than this are refused: no review needs more, and each costs a verification. */
    public static final int MAX_SIGNATURES = 64;

    private final String payloadType;
    private final byte[] payload;
    private final List<DsseSignature> signatures;

    /**
     * @param payloadType the payload's media type
     * @param payload     the signed bytes (copied)
     * @param signatures  in the order they were added
     */
    public DsseEnvelope(String payloadType, byte[] payload, List<DsseSignature> signatures) {
        this(payload.clone(), payloadType, signatures);
    }

    private DsseEnvelope(byte[] owned, String payloadType, List<DsseSignature> signatures) {
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.payload = owned;
        this.signatures = List.copyOf(signatures);
    }

    /** An envelope that takes {@code payload} as its own: the caller must not keep or change it. */
    static DsseEnvelope owning(String payloadType, byte[] payload, List<DsseSignature> signatures) {
        return new DsseEnvelope(payload, payloadType, signatures);
    }

    public String payloadType() {
        return payloadType;
    }

    /** A copy of the signed bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    public List<DsseSignature> signatures() {
        return signatures;
    }

    /** The payload's length in bytes. */
    public int payloadLength() {
        return payload.length;
    }

    /** Whether the payload is exactly {@code bytes}. */
    public boolean payloadEquals(byte[] bytes) {
        return Arrays.equals(payload, bytes);
    }

    /** The payload in standard base64, as the envelope file spells it. */
    String payloadBase64() {
        return java.util.Base64.getEncoder().encodeToString(payload);
    }

    /** The bytes every signature of this envelope covers. */
    public byte[] pae() {
        return Pae.encode(payloadType, payload);
    }

    public DsseEnvelope withSignature(DsseSignature signature) throws BundleException {
        if (signatures.size() >= MAX_SIGNATURES) {
            throw new BundleException(Failure.REFUSED, "the envelope already holds " + MAX_SIGNATURES
                    + " signatures, the most Airlock accepts");
        }
        List<DsseSignature> more = new ArrayList<>(signatures);
        more.add(signature);
        return owning(payloadType, payload, more);
    }

    /**
     * Checks that this envelope is about the given manifest: the in-toto payload type and exactly
     * the manifest's bytes. A signature over anything else says nothing about this archive.
     *
     * @param document the envelope's file name, for messages
     * @throws BundleException {@link Failure#SIGNATURE}
     */
    public void requireSigns(byte[] manifestBytes, String document) throws BundleException {
        if (!PAYLOAD_TYPE.equals(payloadType)) {
            throw new BundleException(Failure.SIGNATURE, document + ": payloadType '" + BundlePath.printable(payloadType)
                    + "' is not " + PAYLOAD_TYPE);
        }
        if (!Arrays.equals(payload, manifestBytes)) {
            throw new BundleException(Failure.SIGNATURE, document
                    + ": the envelope signs a different manifest than the archive holds");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DsseEnvelope e && e.payloadType.equals(payloadType) && Arrays.equals(e.payload, payload)
                && e.signatures.equals(signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payloadType, Arrays.hashCode(payload), signatures);
    }

    @Override
    public String toString() {
        return "DsseEnvelope[" + payloadType + ", " + payload.length + " bytes, " + signatures.size() + " signature(s)]";
    }
}
