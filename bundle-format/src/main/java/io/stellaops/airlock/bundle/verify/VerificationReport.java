package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The evidence of one verification: the archive (name, size, digest, compression), the manifest
 * as far as it was read, each step with its outcome, and each listed file with its outcome. A
 * verified bundle has every step PASSED or SKIPPED and every file PASSED.
 *
 * @param tool          the producing tool and version, for example "airlock 0.1.0"
 * @param verifiedAt    when the verification ran, by the verifier's clock
 * @param archiveName   the archive's file name
 * @param archiveSize   its size in bytes
 * @param archiveSha256 lowercase hex SHA-256 of the archive, empty when the pass did not complete
 * @param compression   the detected compression, empty when not recognised
 * @param manifest      the parsed manifest, empty when it could not be read or authenticated
 * @param authentication what the signature step found (signers, key ids, chains, each signature's
 *                      outcome), empty when the step was not reached
 * @param checks        the steps in the order they ran
 * @param files         one entry per listed file
 * @param failure       the reason of the refusal, empty when verified
 */
public record VerificationReport(
        String tool,
        Instant verifiedAt,
        String archiveName,
        long archiveSize,
        Optional<String> archiveSha256,
        Optional<Compression> compression,
        Optional<BundleManifest> manifest,
        Optional<Authentication> authentication,
        List<CheckResult> checks,
        List<FileResult> files,
        Optional<String> failure) {

    public VerificationReport {
        checks = List.copyOf(checks);
        files = List.copyOf(files);
    }

    public boolean verified() {
        return failure.isEmpty();
    }

    public Optional<CheckResult> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
