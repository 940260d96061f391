package io.stellaops.airlock.app.ui.checklist;

import io.stellaops.airlock.app.checklist.Checklist;
import io.stellaops.airlock.app.checklist.ChecklistConfig;
import io.stellaops.airlock.app.checklist.ChecklistConfigLoader;
import io.stellaops.airlock.app.checklist.ChecklistReport;
import io.stellaops.airlock.app.checklist.ChecklistReportWriter;
import io.stellaops.airlock.app.checklist.Confirmations;
import io.stellaops.airlock.app.checklist.StandardChecklist;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.KeyLoader;
import io.stellaops.airlock.bundle.keys.Passphrase;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.kit.ReceiptSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The checklist screen's work, all in the library: read the config as {@code airlock checklist run
 * --config} does, build the runbook's checklist, and write the report signed like a kit receipt.
 */
public final class ChecklistService {
    private final Clock clock;

    public ChecklistService(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** A loaded config and the checklist made from it; confirmations are read on every run of an operator item. */
    public record Loaded(ChecklistConfig config, Checklist checklist, Confirmations confirmations) {
    }

    /** @throws BundleException naming the field that is wrong, as the CLI does */
    public Loaded load(Path file) throws BundleException {
        ChecklistConfig config = ChecklistConfigLoader.load(file);
        Confirmations confirmations = new Confirmations(clock);
        return new Loaded(config, StandardChecklist.create(config, confirmations, clock), confirmations);
    }

    /**
     * Writes OUT.json, OUT.html and the DSSE envelope OUT.json.dsse.json, signed with {@code key} when given.
     *
     * @param passphrase the key's passphrase, wiped here; empty for an unencrypted key
     */
    public ChecklistReportWriter.Files export(Loaded loaded, String operator, Instant started, Path out,
            Optional<Path> key, char[] passphrase) throws BundleException {
        Optional<SigningKey> signer = Optional.empty();
        if (key.isPresent()) {
            try (Passphrase secret = Passphrase.wrap(passphrase)) {
                signer = Optional.of(KeyLoader.load(key.get(), secret.isEmpty() ? Optional.empty() : Optional.of(secret),
                        Optional.empty()));
            }
        } else {
            java.util.Arrays.fill(passphrase, '\0');
        }
        ChecklistReport report = ChecklistReport.of(loaded.checklist(), loaded.config(), operator,
                ReceiptSettings.unsigned().host(), started, clock.instant(), Optional.empty());
        return ChecklistReportWriter.write(report, out, signer);
    }
}
