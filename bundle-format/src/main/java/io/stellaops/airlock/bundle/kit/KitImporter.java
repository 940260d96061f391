package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import io.stellaops.airlock.bundle.verify.VerificationException;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Imports a bundle into an Offline Kit: under the kit lock, recover from any interrupted operation,
 * preflight (clock, free space), then verify in one pass while extracting only the listed files into
 * a private staging folder inside the kit; only when everything passed, flush, rename the payload
 * and the archive into place, write the state (which raises the highest generation), and swap
 * {@code current} last. A refused bundle goes to quarantine with its reason and leaves the live kit
 * exactly as it was; a crash at any point is repaired by the next run's recovery.
 */
public final class KitImporter {
    private static final long SPACE_MARGIN = 64L << 20;

    private final KitLayout layout;
    private final VerifyOptions options;
    private final ReceiptSettings receipts;

    /** An importer whose receipts are unsigned (hash-chained only) and name the current user. */
    public KitImporter(KitLayout layout, VerifyOptions options) {
        this(layout, options, ReceiptSettings.unsigned());
    }

    public KitImporter(KitLayout layout, VerifyOptions options, ReceiptSettings receipts) {
        this.layout = layout;
        this.options = options;
        this.receipts = receipts;
    }

    public ImportResult importBundle(ImportRequest request, ProgressListener progress) throws BundleException {
        KitPreflight.requireKitFolder(layout);
        if (request.dryRun()) {
            KitState state = new KitStateStore(layout).read();
            Verified verified = verify(request, state, PayloadSink.DISCARD, progress);
            if (verified.policy.sameAsActive()) {
                return new ImportResult(ImportResult.Outcome.ALREADY_ACTIVE, state.active().orElseThrow(), verified.report, List.of());
            }
            return new ImportResult(ImportResult.Outcome.DRY_RUN,
                    entryFor(verified.report, state, request, uniqueDirectory(state, verified.report)), verified.report, List.of());
        }
        KitPreflight.createFolders(layout);
        try (KitLock lock = KitLock.acquire(layout, "kit import of " + request.archive().getFileName())) {
            KitStateStore store = new KitStateStore(layout);
            KitState state = store.read();
            List<String> repairs = KitRecovery.recover(layout, state);
            KitPreflight.checkClock(state, options);
            KitPreflight.checkSpace(layout, request.archive(), options.limits(), SPACE_MARGIN);
            Path staging = Files.createTempDirectory(layout.telemetry(), KitLayout.STAGING_PREFIX);
            try {
                CrashPoint.reach("staging-created");
                Verified verified;
                try (StagingSink sink = new StagingSink(staging.resolve("payload"))) {
                    verified = verify(request, state, sink, progress);
                    sink.finish();
                }
                CrashPoint.reach("verified");
                if (verified.policy.sameAsActive()) {
                    // Importing the active bundle again changes nothing, not even the receipts.
                    return new ImportResult(ImportResult.Outcome.ALREADY_ACTIVE, state.active().orElseThrow(),
                            verified.report, repairs);
                }
                KitEntry entry = entryFor(verified.report, state, request, uniqueDirectory(state, verified.report));
                publish(staging, request.archive(), entry);
                store.write(state.afterImport(entry));
                CrashPoint.reach("state-written");
                // The state is the commit point: from here recovery completes the activation, so the receipt follows it.
                receipt("activated", Optional.of(entry), request, Optional.empty());
                CrashPoint.reach("receipt-written");
                KitActivation.activate(layout, entry);
                CrashPoint.reach("activated");
                return new ImportResult(ImportResult.Outcome.ACTIVATED, entry, verified.report, repairs);
            } catch (IOException e) {
                throw new BundleException(Failure.UNREADABLE, "cannot write into the kit at " + layout.telemetry() + ": "
                        + AtomicFiles.describe(e) + "; the kit is unchanged", e);
            } finally {
                deleteQuietly(staging);
                CrashPoint.reach("cleaned-up");
            }
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot create a staging folder in " + layout.telemetry() + ": "
                    + AtomicFiles.describe(e), e);
        }
    }

    /** A verification pass whose refusal is quarantined (except on a dry run) before it is rethrown. */
    private Verified verify(ImportRequest request, KitState state, PayloadSink sink, ProgressListener progress)
            throws BundleException {
        GenerationPolicy policy = new GenerationPolicy(state, request.forceReason());
        try {
            VerificationReport report = new BundleVerifier(options).verify(request.archive(), request.authenticator(),
                    policy, sink, progress);
            return new Verified(report, policy);
        } catch (VerificationException e) {
            if (e.failure() == Failure.UNREADABLE && !request.dryRun()) {
                // Not the bundle's fault (a full disk, a missing file): nothing to quarantine, and nothing changed.
                throw new VerificationException(new BundleException(Failure.UNREADABLE,
                        e.getMessage() + "; the import stopped and the kit is unchanged", e), e.report());
            }
            if (!request.dryRun() && e.failure() != Failure.CANCELLED) {
                quarantine(request, e, Optional.of(e.report()));
            }
            throw e;
        }
    }

    private void quarantine(ImportRequest request, BundleException refusal, Optional<VerificationReport> report)
            throws BundleException {
        try {
            Path folder = Quarantine.put(layout, request.archive(), refusal, report, request.moveRefused(),
                    options.clock().instant());
            refusal.addSuppressed(new QuarantinedNote(folder));
            receipt("refused", Optional.empty(), request, Optional.of(refusal));
        } catch (IOException e) {
            throw new BundleException(refusal.failure(), refusal.getMessage() + " (and it could not be quarantined: "
                    + AtomicFiles.describe(e) + ")", refusal);
        }
    }

    private void receipt(String decision, Optional<KitEntry> entry, ImportRequest request, Optional<BundleException> refusal)
            throws BundleException {
        Receipts.write(layout, receipts, new Receipts.Decision(decision, entry,
                Optional.of(request.archive().getFileName().toString()), refusal,
                entry.flatMap(KitEntry::forcedReason)), options.clock().instant());
    }

    /** Moves the verified payload and the archive with its sidecars from staging into the kit. */
    private void publish(Path staging, Path archive, KitEntry entry) throws IOException {
        Path archiveFolder = Files.createDirectory(staging.resolve("archive"));
        for (Path file : Quarantine.bundleFiles(archive)) {
            Files.copy(file, archiveFolder.resolve(file.getFileName().toString()));
        }
        CrashPoint.reach("archive-staged");
        // The payload is already read-only and on disk (StagingSink.finish); the archive copy follows it.
        KitFiles.fsyncTree(archiveFolder);
        AtomicFiles.fsyncDirectory(staging);
        CrashPoint.reach("extracted");
        Files.move(staging.resolve("payload"), layout.bundles().resolve(entry.directory()), StandardCopyOption.ATOMIC_MOVE);
        CrashPoint.reach("payload-moved");
        Files.move(archiveFolder, layout.archives().resolve(entry.directory()), StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(layout.bundles());
        AtomicFiles.fsyncDirectory(layout.archives());
        CrashPoint.reach("archive-moved");
    }

    private KitEntry entryFor(VerificationReport report, KitState state, ImportRequest request, String directory) {
        BundleManifest manifest = report.manifest().orElseThrow();
        return new KitEntry(manifest.generation(), manifest.name(), manifest.version(), directory,
                request.archive().getFileName().toString(), report.archiveSha256().orElseThrow(),
                GenerationPolicy.manifestSha256(manifest), manifest.createdAt(), manifest.expiresAt(),
                options.clock().instant(), request.forceReason());
    }

    private static String uniqueDirectory(KitState state, VerificationReport report) {
        BundleManifest manifest = report.manifest().orElseThrow();
        String base = manifest.generation() + "-" + manifest.version();
        String name = base;
        for (int n = 2; state.directories().contains(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private static void deleteQuietly(Path staging) {
        try {
            KitFiles.deleteTree(staging);
        } catch (IOException e) {
            // The next run's recovery removes a staging folder left behind.
        }
    }

    private record Verified(VerificationReport report, GenerationPolicy policy) {
    }

    /** Attached to a refusal to say where the refused bundle was put. */
    public static final class QuarantinedNote extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path folder;

        QuarantinedNote(Path folder) {
            super("quarantined in " + folder, null, false, false);
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }
    }
}
