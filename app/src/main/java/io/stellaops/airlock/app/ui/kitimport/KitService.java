package io.stellaops.airlock.app.ui.kitimport;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.kit.ImportRequest;
import io.stellaops.airlock.bundle.kit.ImportResult;
import io.stellaops.airlock.bundle.kit.KitEntry;
import io.stellaops.airlock.bundle.kit.KitImporter;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.kit.KitRollback;
import io.stellaops.airlock.bundle.kit.KitStatus;
import io.stellaops.airlock.bundle.kit.ReceiptSettings;
import io.stellaops.airlock.bundle.trust.DsseAuthenticator;
import io.stellaops.airlock.bundle.trust.TrustPolicy;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The import flow's calls into the Offline Kit library, as {@code airlock kit import|status|rollback}
 * make them: default limits and clock skew, the trust policy's {@link DsseAuthenticator} (an import
 * always checks signatures), unsigned receipts, refused bundles copied (not moved) to quarantine.
 */
public final class KitService {

    private final VerifyOptions options;
    private final Clock clock;

    public KitService(Clock clock) {
        this.clock = clock;
        this.options = new VerifyOptions(Limits.DEFAULT, clock, VerifyOptions.DEFAULT_CLOCK_SKEW);
    }

    /**
     * Imports (or with {@code dryRun} only checks) the bundle into the kit.
     *
     * @throws BundleException a refusal ({@code VerificationException} with its report, and a
     *                         {@code QuarantinedNote} suppressed when it was quarantined) or a problem of the kit
     */
    public ImportResult importBundle(Path archive, Path kit, TrustPolicy trust, boolean dryRun, ProgressListener progress)
            throws BundleException {
        var request = new ImportRequest(archive, new DsseAuthenticator(trust, options.limits()), dryRun,
                Optional.empty(), false);
        return new KitImporter(new KitLayout(kit), options, ReceiptSettings.unsigned()).importBundle(request, progress);
    }

    public KitStatus status(Path kit) throws BundleException {
        return KitStatus.read(new KitLayout(kit), clock);
    }

    /** Back to the previously active generation, as {@code airlock kit rollback} without options. */
    public KitEntry rollback(Path kit) throws BundleException {
        return new KitRollback(new KitLayout(kit), clock).rollback(OptionalLong.empty(), Optional.empty());
    }
}
