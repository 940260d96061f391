package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.checklist.CheckOutcome;
import io.stellaops.airlock.app.checklist.CheckState;
import io.stellaops.airlock.app.checklist.Checklist;
import io.stellaops.airlock.app.checklist.ChecklistConfig;
import io.stellaops.airlock.app.checklist.ChecklistConfigLoader;
import io.stellaops.airlock.app.checklist.ChecklistReport;
import io.stellaops.airlock.app.checklist.ChecklistReportJson;
import io.stellaops.airlock.app.checklist.ChecklistReportWriter;
import io.stellaops.airlock.app.checklist.ChecklistVerdict;
import io.stellaops.airlock.app.checklist.Confirmations;
import io.stellaops.airlock.app.checklist.StandardChecklist;
import io.stellaops.airlock.app.cluster.ClusterException;
import io.stellaops.airlock.app.cluster.ConnectionOptions;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.KeyLoader;
import io.stellaops.airlock.bundle.keys.Passphrase;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.kit.ReceiptSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock checklist run}: run the checks of a config, print them, write the signed report. */
@Command(name = "run", sortOptions = false,
        description = {"Run the operational checklist of the runbook (section 6) against the endpoints of --config.",
            "Each check passes, fails (with the reason and a fix), is skipped (not configured, or not selected by"
                + " --only) or needs an operator (until --confirm). Exit 0 when no check failed and none needs an"
                + " operator, 13 otherwise."})
final class ChecklistRunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The checklist config (YAML).")
    Path config;

    @Option(names = "--only", paramLabel = "ID", description = "Run only this check; the others are reported as skipped.")
    String only;

    @Option(names = "--confirm", paramLabel = "ID=NAME",
            description = "Confirm an operator item (ID) as NAME, who checked it by hand; repeatable.")
    List<String> confirmations = new ArrayList<>();

    @Option(names = "--live-tls", paramLabel = "DIR",
            description = "A copy of the live secret's files (tls.crt, optional ca.crt) to compare with the local ones,"
                + " instead of reading the secret through the cluster's API (config section cluster, --kubeconfig).")
    Path liveTls;

    @Option(names = "--report", paramLabel = "OUT",
            description = "Write the report: OUT.json, OUT.html and the DSSE envelope OUT.json.dsse.json.")
    Path report;

    @Option(names = "--report-key", paramLabel = "KEY",
            description = "Operator's private key that signs the report's envelope (default: unsigned).")
    Path reportKey;

    @Option(names = "--operator", paramLabel = "NAME", description = "Operator named in the report (default: the current user).")
    String operator;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    ClusterConnectionOptions cluster;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        if (reportKey != null && report == null) {
            throw new BundleException(Failure.USAGE, "--report-key signs the report: give --report too");
        }
        Path reportFolder = report == null ? null : report.toAbsolutePath().getParent();
        if (reportFolder != null && !Files.isDirectory(reportFolder)) {
            throw new BundleException(Failure.UNREADABLE, "the report's folder " + reportFolder + " does not exist");
        }
        ChecklistConfig loaded = ChecklistConfigLoader.load(config);
        ChecklistConfig settings = withCluster(liveTls == null ? loaded : loaded.withLiveTls(liveTls));
        Clock clock = Clock.systemUTC();
        Checklist checklist = StandardChecklist.create(settings, confirmations(settings, clock), clock);
        if (only != null && !checklist.ids().contains(only)) {
            throw new BundleException(Failure.USAGE, "--only " + only + ": no such check; the checks are "
                    + String.join(", ", checklist.ids()));
        }
        Optional<SigningKey> key = key();
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.println("Checklist of " + config);
            checklist.addListener(outcome -> {
                if (outcome.state().isFinal()) {
                    ChecklistText.print(out, outcome);
                }
            });
        }
        Instant started = clock.instant();
        try {
            run(checklist);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.CANCELLED;
        }
        return finish(ChecklistReport.of(checklist, settings, operatorName(), ReceiptSettings.unsigned().host(), started,
                clock.instant(), Optional.ofNullable(only)), key, out);
    }

    /** --kubeconfig and --context replace the config's cluster connection, or add one with the default names. */
    private ChecklistConfig withCluster(ChecklistConfig settings) throws BundleException {
        if (cluster.kubeconfig == null && cluster.context == null) {
            return settings;
        }
        ConnectionOptions options;
        try {
            options = cluster.options();
        } catch (ClusterException e) {
            throw new BundleException(Failure.USAGE, e.getMessage());
        }
        return settings.withCluster(settings.cluster().map(access -> access.withConnection(options))
                .orElseGet(() -> new ChecklistConfig.ClusterAccess(options, ChecklistConfig.ClusterAccess.DEFAULT_NAMESPACE,
                        ChecklistConfig.ClusterAccess.DEFAULT_TLS_SECRET)));
    }

    private int finish(ChecklistReport result, Optional<SigningKey> key, PrintWriter out) throws BundleException {
        Optional<ChecklistReportWriter.Files> files = report == null ? Optional.empty()
                : Optional.of(ChecklistReportWriter.write(result, report, key));
        if (json) {
            Json.print(out, ChecklistReportJson.of(result));
        } else {
            ChecklistText.summary(out, result, files, key);
        }
        return verdict(result);
    }

    private String operatorName() {
        return operator == null || operator.isBlank() ? ReceiptSettings.unsigned().operator() : operator;
    }

    private void run(Checklist checklist) throws InterruptedException {
        if (only == null) {
            checklist.runAll();
            return;
        }
        for (String id : checklist.ids()) { // in checklist order, so the lines print in that order
            if (id.equals(only)) {
                checklist.run(only);
            } else {
                checklist.skip(id, "not selected (--only " + only + ")");
            }
        }
    }

    private int verdict(ChecklistReport result) {
        ChecklistVerdict verdict = result.verdict();
        if (verdict == ChecklistVerdict.PASSED) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> failed = ids(result, CheckState.FAILED);
        List<String> waiting = ids(result, CheckState.NEEDS_OPERATOR);
        if (!failed.isEmpty()) {
            err.println("airlock: run: " + failed.size() + " of " + result.outcomes().size() + " checks failed ("
                    + String.join(", ", failed) + ")");
        }
        if (!waiting.isEmpty()) {
            err.println("airlock: run: " + waiting.size() + " check(s) need an operator (" + String.join(", ", waiting)
                    + "): confirm each with --confirm ID=NAME once checked by hand");
        }
        err.flush();
        return ExitCodes.CHECKLIST;
    }

    private static List<String> ids(ChecklistReport result, CheckState state) {
        return result.outcomes().stream().filter(o -> o.state() == state).map(CheckOutcome::id).toList();
    }

    private Confirmations confirmations(ChecklistConfig settings, Clock clock) throws BundleException {
        Confirmations confirmed = new Confirmations(clock);
        List<String> items = settings.operatorItems().stream().map(ChecklistConfig.OperatorItem::id).toList();
        for (String entry : confirmations) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(equals + 1).isBlank()) {
                throw new BundleException(Failure.USAGE, "--confirm takes ID=NAME, not '" + entry + "'");
            }
            String id = entry.substring(0, equals);
            if (!items.contains(id)) {
                throw new BundleException(Failure.USAGE, "--confirm " + id + ": not an operator item; they are "
                        + (items.isEmpty() ? "none" : String.join(", ", items)));
            }
            confirmed.confirm(id, entry.substring(equals + 1));
        }
        return confirmed;
    }

    private Optional<SigningKey> key() throws BundleException {
        if (reportKey == null) {
            return Optional.empty();
        }
        Optional<Passphrase> secret = passphrase.read(false);
        try {
            return Optional.of(KeyLoader.load(reportKey, secret, Optional.empty()));
        } finally {
            secret.ifPresent(Passphrase::close);
        }
    }
}
