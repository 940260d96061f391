package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.pki.HostNames;
import io.stellaops.airlock.app.pki.TlsCheck;
import io.stellaops.airlock.app.pki.TlsCheckItem;
import io.stellaops.airlock.app.pki.TlsCheckRequest;
import io.stellaops.airlock.app.pki.TlsCheckResult;
import io.stellaops.airlock.app.pki.TlsRole;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock pki check}: TLS material from a real PKI, checked before it goes into the cluster. */
@Command(name = "check", sortOptions = false,
        description = {"Check a TLS certificate and its key before they go into the cluster.",
            "The key matches the certificate, the certificate chains to the CA (PKIX, no revocation check), is valid now,"
                + " is meant for a server (or a client) and covers every host. One line per check; exit 0 when every"
                + " check passes (warnings allowed), 11 when one fails."})
final class PkiCheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ca", required = true, paramLabel = "FILE", description = "The CA certificate(s), PEM: every one is trusted.")
    Path ca;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "The certificate, PEM, leaf first; intermediates may follow.")
    Path cert;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "Its private key, unencrypted PEM (PKCS#8, PKCS#1 or SEC1).")
    Path key;

    @Option(names = "--hosts", split = ",", paramLabel = "HOST",
            description = "Hosts the certificate must cover, comma-separated DNS names or IP addresses (default for a"
                    + " server: NAME.observability.svc for each of stellaops-otel-collector, prometheus, tempo, loki;"
                    + " none for a client).")
    List<String> hosts;

    @Option(names = "--client", description = "Check a client certificate (clientAuth) instead of a server certificate.")
    boolean client;

    @Option(names = "--warn-days", paramLabel = "N", defaultValue = "" + TlsCheckRequest.DEFAULT_WARN_DAYS,
            description = "Warn when the certificate expires within N days (default: ${DEFAULT-VALUE}).")
    int warnDays;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        if (warnDays < 0 || warnDays > TlsCheckRequest.MAX_WARN_DAYS) {
            throw new BundleException(Failure.USAGE, "--warn-days must be 0 to " + TlsCheckRequest.MAX_WARN_DAYS);
        }
        Optional<HostNames> names = hosts == null ? Optional.empty() : Optional.of(HostNames.parse(hosts, false));
        TlsCheckRequest request = new TlsCheckRequest(ca, cert, key, client ? TlsRole.CLIENT : TlsRole.SERVER, names, warnDays);
        TlsCheckResult result = new TlsCheck(Clock.systemUTC(), new SecureRandom()).check(request);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, PkiJson.check(request, result));
        } else {
            print(out, result);
        }
        if (!result.passed()) {
            List<String> failed = result.failures().stream().map(TlsCheckItem::id).toList();
            throw new BundleException(Failure.REFUSED, cert + ": " + failed.size() + " of " + result.items().size()
                    + " checks failed (" + String.join(", ", failed) + "): " + result.failures().get(0).detail());
        }
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, TlsCheckResult result) {
        out.printf("Checked %s as a %s certificate: '%s', issued by '%s'%n", cert, result.role().id(),
                result.summary().subject(), result.summary().issuer());
        for (TlsCheckItem item : result.items()) {
            out.printf("  [%s] %-9s %s%n", item.status().id(), item.id(), item.detail());
        }
        int warnings = result.warnings().size();
        if (result.passed()) {
            out.printf("Result: passed%s%n", warnings == 0 ? "" : " with " + warnings + " warning(s)");
        } else {
            out.printf("Result: refused, %d check(s) failed%n", result.failures().size());
        }
        out.flush();
    }
}
