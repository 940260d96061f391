package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.ArchiveReader;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.io.Sha256Sidecar;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import io.stellaops.airlock.bundle.manifest.ManifestCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies a bundle in the order of the format's specification, never believing a byte before it
 * is checked: (1) the manifest bytes are authenticated, (2) the manifest is parsed strictly and its
 * format version checked, (3) its validity window is checked against the clock, (4) its claims are
 * checked against the hard limits, (5) the archive is streamed once, each entry matched against
 * the next listed file by type, name, size, mode and SHA-256, and its end required, and (6) the
 * {@code .sha256} sidecar, when present, must match. It returns a report or throws a
 * {@link VerificationException} carrying the report as far as it got.
 */
public final class BundleVerifier {
    private final VerifyOptions options;

    public BundleVerifier(VerifyOptions options) {
        this.options = options;
    }

    public VerificationReport verify(Path archive, ManifestAuthenticator authenticator, PayloadSink sink,
            ProgressListener progress) throws VerificationException {
        return verify(archive, authenticator, ManifestPolicy.NONE, sink, progress);
    }

    /**
     * Verifies with an additional caller's rule, checked on the authenticated manifest before the
     * contents are streamed.
     */
    public VerificationReport verify(Path archive, ManifestAuthenticator authenticator, ManifestPolicy policy,
            PayloadSink sink, ProgressListener progress) throws VerificationException {
        ReportRecorder report = new ReportRecorder(archive, options.clock().instant());
        try (ArchiveReader reader = ArchiveReader.open(archive, options.limits(), progress)) {
            report.archive(reader.archiveSize(), reader.compression());
            BundleManifest manifest = authenticatedManifest(report, reader, authenticator, archive);
            checkValidity(report, manifest);
            checkLimits(report, manifest);
            if (policy != ManifestPolicy.NONE) {
                report.begin(policy.id(), policy.title());
                report.passed(policy.check(manifest));
            }
            String archiveSha256 = streamContents(report, reader, manifest, sink);
            checkSidecar(report, archive, archiveSha256);
            return report.verified();
        } catch (BundleException e) {
            throw new VerificationException(e, report.refused(e));
        }
    }

    /**
     * Steps 1 and 2. The manifest's bytes live only in here: once parsed, the records are all the
     * rest needs, and the bytes (tens of MiB for 100,000 files) are not kept through the stream.
     */
    private BundleManifest authenticatedManifest(ReportRecorder report, ArchiveReader reader,
            ManifestAuthenticator authenticator, Path archive) throws BundleException {
        byte[] manifestBytes = reader.readManifestBytes();
        authenticate(report, authenticator, archive, manifestBytes);
        return parse(report, manifestBytes);
    }

    /** Integrity only, no extraction, no progress: the common case of a quick check. */
    public VerificationReport verifyIntegrity(Path archive) throws VerificationException {
        return verify(archive, ManifestAuthenticator.NONE, PayloadSink.DISCARD, ProgressListener.NONE);
    }

    private static void authenticate(ReportRecorder report, ManifestAuthenticator authenticator, Path archive,
            byte[] manifestBytes) throws BundleException {
        report.begin("signature", "Signed by");
        Authentication authentication = authenticator.authenticate(archive, manifestBytes);
        report.authentication(authentication);
        if (authentication.checked()) {
            report.passed(authentication.summary());
        } else {
            report.skipped(authentication.summary());
        }
    }

    private BundleManifest parse(ReportRecorder report, byte[] manifestBytes) throws BundleException {
        report.begin("format", "Format");
        BundleManifest manifest = ManifestCodec.decode(manifestBytes, options.limits());
        report.manifest(manifest);
        report.passed("in-toto Statement v1, Airlock bundle format v" + manifest.formatVersion()
                + ", canonical JSON, " + manifest.files().size() + " file(s) listed");
        return manifest;
    }

    private void checkValidity(ReportRecorder report, BundleManifest manifest) throws BundleException {
        report.begin("validity", "Validity");
        Instant now = options.clock().instant();
        if (manifest.createdAt().isAfter(now.plus(options.clockSkew()))) {
            throw new BundleException(Failure.NOT_VALID_NOW, "bundle is not yet valid: created at " + manifest.createdAt()
                    + ", after this machine's clock (" + now + ") plus the allowed skew of " + options.clockSkew()
                    + "; check the clock");
        }
        if (!now.isBefore(manifest.expiresAt())) {
            throw new BundleException(Failure.NOT_VALID_NOW, "bundle expired at " + manifest.expiresAt()
                    + " (now " + now + "); build a fresh bundle");
        }
        report.passed("created " + manifest.createdAt() + ", valid until " + manifest.expiresAt());
    }

    private void checkLimits(ReportRecorder report, BundleManifest manifest) throws BundleException {
        report.begin("limits", "Limits");
        String problem = manifest.limitProblem(options.limits());
        if (problem != null) {
            throw new BundleException(Failure.REFUSED, "manifest.json " + problem);
        }
        report.passed(manifest.files().size() + " file(s), " + manifest.totalSize() + " bytes, within the limits");
    }

    private static String streamContents(ReportRecorder report, ArchiveReader reader, BundleManifest manifest,
            PayloadSink sink) throws BundleException {
        report.begin("contents", "Contents");
        reader.expect(manifest);
        for (int i = 0; i < manifest.files().size(); i++) {
            FileEntry entry = manifest.files().get(i);
            report.reaching(i);
            String sha256;
            try (OutputStream out = sink.open(entry)) {
                sha256 = reader.readFile(entry, out);
            } catch (IOException e) {
                throw new BundleException(Failure.UNREADABLE, "cannot write '" + entry.path() + "': "
                        + AtomicFiles.describe(e), e);
            }
            if (!sha256.equals(entry.sha256())) {
                throw new BundleException(Failure.DIGEST_MISMATCH, reader.archiveName() + ": entry '" + entry.path()
                        + "' has sha256 " + sha256 + " but the manifest lists " + entry.sha256());
            }
            report.filePassed();
        }
        String archiveSha256 = reader.finish();
        report.archiveSha256(archiveSha256);
        report.passed("every listed file present once, in order, with its size and SHA-256; nothing else in the archive");
        return archiveSha256;
    }

    private static void checkSidecar(ReportRecorder report, Path archive, String archiveSha256) throws BundleException {
        report.begin("archive-digest", "Archive digest");
        Optional<Sha256Sidecar> sidecar = Sha256Sidecar.read(archive);
        if (sidecar.isEmpty()) {
            report.skipped("no " + Sha256Sidecar.pathFor(archive).getFileName() + " beside the archive");
            return;
        }
        if (!sidecar.get().sha256().equals(archiveSha256)) {
            throw new BundleException(Failure.DIGEST_MISMATCH, Sha256Sidecar.pathFor(archive).getFileName() + " lists "
                    + sidecar.get().sha256() + " but the archive's SHA-256 is " + archiveSha256);
        }
        report.passed("sha256 " + archiveSha256 + " matches " + Sha256Sidecar.pathFor(archive).getFileName());
    }
}
