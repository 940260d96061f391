package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.pki.DevTlsRequest;
import io.stellaops.airlock.app.pki.HostNames;
import io.stellaops.airlock.app.pki.TlsMaterial;
import io.stellaops.airlock.app.pki.TlsMaterialFiles;
import io.stellaops.airlock.app.pki.TlsMaterialWriter;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock pki dev-tls}: a dev CA, a server certificate for the endpoints and a client certificate for Prometheus. */
@Command(name = "dev-tls", sortOptions = false,
        description = {"Create dev TLS material for the collector and storage endpoints.",
            "A new CA (ca.crt), a server certificate (tls.crt, tls.key) and a client certificate for Prometheus' mTLS"
                + " scrape (client.crt, client.key), named as the secret stellaops-otel-tls-stage expects, and the CA's key"
                + " (ca.key): keep it offline or delete it. Private keys are unencrypted PKCS#8 PEM, owner-only."
                + " For development and staging; in production, bring your PKI's material and run 'airlock pki check'."})
final class PkiDevTlsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the six files (created owner-only if missing).")
    Path out;

    @Option(names = "--hosts", split = ",", paramLabel = "HOST",
            description = "The server certificate's DNS names and IP addresses, comma-separated; *.domain allowed"
                    + " (default: each of stellaops-otel-collector, prometheus, tempo, loki as NAME, NAME.NS, NAME.NS.svc,"
                    + " NAME.NS.svc.cluster.local; localhost; 127.0.0.1).")
    List<String> hosts;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = HostNames.DEFAULT_NAMESPACE,
            description = "Namespace of the default host names (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + DevTlsRequest.DEFAULT_DAYS,
            description = "Validity in days, 1 to " + DevTlsRequest.MAX_DAYS + " (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--key-type", paramLabel = "ecdsa-p256|rsa-3072|ed25519", defaultValue = "ecdsa-p256",
            description = "Key type of all three keys (default: ${DEFAULT-VALUE}). ed25519 works with Go (Prometheus, Loki,"
                    + " Tempo, the collector) and OpenSSL 1.1.1+ clients, not with browsers.")
    String keyType;

    @Option(names = "--client-name", paramLabel = "CN", defaultValue = DevTlsRequest.DEFAULT_CLIENT,
            description = "Common name of the client certificate (default: ${DEFAULT-VALUE}).")
    String clientName;

    @Option(names = "--force", description = "Replace existing files.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        KeyAlgorithm algorithm = KeyAlgorithm.fromId(keyType).orElseThrow(() -> new BundleException(Failure.USAGE,
                "--key-type '" + keyType + "' is not ecdsa-p256, rsa-3072 or ed25519"));
        HostNames defaults = HostNames.devTlsDefaults(namespace); // also validates the namespace the hint prints
        HostNames names = hosts == null ? defaults : HostNames.parse(hosts, true);
        DevTlsRequest request = DevTlsRequest.of(algorithm, names, days, clientName);
        SecureRandom random = new SecureRandom();
        TlsMaterial material = TlsMaterial.generate(request, Clock.systemUTC(), random);
        TlsMaterialFiles files = new TlsMaterialWriter(random).write(material, out, force);
        PrintWriter printer = spec.commandLine().getOut();
        if (json) {
            Json.print(printer, PkiJson.devTls(request, material, files));
        } else {
            print(printer, request, material, files);
        }
        return ExitCodes.OK;
    }

    private static void wrap(PrintWriter printer, List<String> words, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : words) {
            if (line.length() > indent.length() && line.length() + word.length() + 2 > 100) {
                printer.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            line.append(word).append(", ");
        }
        printer.println(line.substring(0, line.length() - 2));
    }

    private void print(PrintWriter printer, DevTlsRequest request, TlsMaterial material, TlsMaterialFiles files) {
        printer.printf("Wrote dev TLS material to %s (%s), valid %s to %s:%n", files.directory(), request.keyType().id(),
                material.validity().notBefore(), material.validity().notAfter());
        printer.printf("  ca.crt      CA '%s'%n", material.ca().subject());
        printer.printf("  tls.crt     server '%s', %d name(s):%n", material.server().subject(), request.hosts().size());
        wrap(printer, request.hosts().all(), "              ");
        printer.println("  tls.key     server private key, owner-only");
        printer.printf("  client.crt  client '%s'%n", material.client().subject());
        printer.println("  client.key  client private key, owner-only");
        printer.println("  ca.key      CA private key, owner-only: keep it offline or delete it; whoever holds it can issue");
        printer.println("              certificates that every endpoint trusting ca.crt accepts");
        printer.printf("Secret for the cluster: kubectl -n %s create secret generic stellaops-otel-tls-stage \\%n", namespace);
        printer.printf("  --from-file=tls.crt=%s --from-file=tls.key=%s --from-file=ca.crt=%s%n",
                files.serverCertificate(), files.serverKey(), files.caCertificate());
    }
}
