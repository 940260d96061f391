package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.bundle.AirlockVersion;
import io.stellaops.airlock.bundle.archive.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One checklist run as evidence for a reviewer: who ran it where and when, with which config
 * (named and digested, never copied: it names files, not secrets), every check's outcome and the
 * verdict.
 *
 * @param tool         "airlock 0.1.0"
 * @param operator     who ran it
 * @param host         on which machine
 * @param startedAt    when the run started
 * @param finishedAt   when it ended
 * @param configFile   the config file
 * @param configSha256 its SHA-256, hex
 * @param only         the one check that was selected, if any
 * @param outcomes     every check, in order
 */
public record ChecklistReport(String tool, String operator, String host, Instant startedAt, Instant finishedAt,
        String configFile, String configSha256, Optional<String> only, List<CheckOutcome> outcomes) {
    public static final String REPORT_TYPE = "https://stellaops.io/airlock/checklist-report/v1";

    public ChecklistReport {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(configSha256, "configSha256");
        Objects.requireNonNull(only, "only");
        outcomes = List.copyOf(outcomes);
    }

    /** A report of the checklist's current outcomes, digesting the config file as it is now. */
    public static ChecklistReport of(Checklist checklist, ChecklistConfig config, String operator, String host,
            Instant startedAt, Instant finishedAt, Optional<String> only) {
        return new ChecklistReport(currentTool(), operator, host, startedAt, finishedAt, config.file().toString(),
                digest(config.file()), only, checklist.outcomes());
    }

    private static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(Sha256.newDigest().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    public static String currentTool() {
        return "airlock " + AirlockVersion.current();
    }

    public ChecklistVerdict verdict() {
        return ChecklistVerdict.of(outcomes);
    }

    public long count(CheckState state) {
        return outcomes.stream().filter(o -> o.state() == state).count();
    }
}
