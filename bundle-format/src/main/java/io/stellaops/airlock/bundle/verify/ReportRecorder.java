package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.AirlockVersion;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the steps of one verification as they happen, so that a refusal still yields a report. */
final class ReportRecorder {
    private final String archiveName;
    private final Instant startedAt;
    private final List<CheckResult> checks = new ArrayList<>();
    private final List<FileResult> files = new ArrayList<>();
    private long archiveSize;
    private Compression compression;
    private BundleManifest manifest;
    private Authentication authentication;
    private String archiveSha256;
    private String currentId;
    private String currentTitle;
    private int reachedFiles = -1;

    ReportRecorder(Path archive, Instant startedAt) {
        this.archiveName = String.valueOf(archive.getFileName());
        this.startedAt = startedAt;
        try {
            this.archiveSize = Files.isRegularFile(archive) ? Files.size(archive) : 0;
        } catch (java.io.IOException e) {
            this.archiveSize = 0;
        }
    }

    void archive(long size, Compression compression) {
        this.archiveSize = size;
        this.compression = compression;
    }

    void manifest(BundleManifest manifest) {
        this.manifest = manifest;
        for (FileEntry entry : manifest.files()) {
            files.add(new FileResult(entry, CheckStatus.NOT_REACHED));
        }
    }

    void authentication(Authentication authentication) {
        this.authentication = authentication;
    }

    void archiveSha256(String sha256) {
        this.archiveSha256 = sha256;
    }

    void begin(String id, String title) {
        this.currentId = id;
        this.currentTitle = title;
    }

    void passed(String detail) {
        record(CheckStatus.PASSED, detail);
    }

    void skipped(String detail) {
        record(CheckStatus.SKIPPED, detail);
    }

    /** The pass is now at the listed file with this index. */
    void reaching(int index) {
        reachedFiles = index;
    }

    void filePassed() {
        files.set(reachedFiles, new FileResult(files.get(reachedFiles).entry(), CheckStatus.PASSED));
        reachedFiles = -1;
    }

    VerificationReport verified() {
        return build(Optional.empty());
    }

    VerificationReport refused(BundleException e) {
        if (currentId == null) {
            begin("archive", "Archive");
        }
        if (e instanceof AuthenticationException refusal) {
            authentication = refusal.authentication();
        }
        record(CheckStatus.FAILED, e.getMessage());
        if (reachedFiles >= 0 && reachedFiles < files.size() && "contents".equals(checks.get(checks.size() - 1).id())) {
            files.set(reachedFiles, new FileResult(files.get(reachedFiles).entry(), CheckStatus.FAILED));
        }
        return build(Optional.of(e.getMessage()));
    }

    private void record(CheckStatus status, String detail) {
        checks.add(new CheckResult(currentId, currentTitle, status, detail));
        currentId = null;
        currentTitle = null;
    }

    private VerificationReport build(Optional<String> failure) {
        return new VerificationReport("airlock " + AirlockVersion.current(), startedAt, archiveName, archiveSize,
                Optional.ofNullable(archiveSha256), Optional.ofNullable(compression), Optional.ofNullable(manifest),
                Optional.ofNullable(authentication), checks, files, failure);
    }
}
