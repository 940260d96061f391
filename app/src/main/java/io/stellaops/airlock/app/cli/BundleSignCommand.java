package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.KeyLoader;
import io.stellaops.airlock.bundle.keys.Passphrase;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.sign.BundleSigner;
import io.stellaops.airlock.bundle.sign.SignResult;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock bundle sign}: add (or countersign with) a DSSE signature; the archive is never rewritten. */
@Command(name = "sign", sortOptions = false,
        description = {"Sign a bundle, or countersign one that is already signed: writes or extends FILE.dsse.json and one Sigstore bundle per signature. The archive is verified first and never rewritten."})
final class BundleSignCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The bundle archive.")
    Path archive;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Private key: PKCS#8 PEM (encrypted or not) or PKCS#12.")
    Path key;

    @Option(names = "--cert", paramLabel = "CHAIN", description = "PEM certificate chain of the key, leaf first (optional).")
    Path cert;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        SigningKey signingKey;
        Optional<Passphrase> secret = passphrase.read(false);
        try {
            signingKey = KeyLoader.load(key, secret, Optional.ofNullable(cert));
        } finally {
            secret.ifPresent(Passphrase::close);
        }
        SignResult result = new BundleSigner(VerifyOptions.defaults()).sign(archive, signingKey);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("envelope", result.envelope().toString()).put("keyId", result.keyId())
                    .put("added", result.added()).put("signatureCount", result.signatureCount());
            result.sigstoreBundles().forEach(p -> node.withArray("sigstoreBundles").add(p.toString()));
            Json.print(out, node);
        } else if (result.added()) {
            out.printf("Signed %s with key %s: %d signature(s) in %s%n", archive.getFileName(), result.keyId(),
                    result.signatureCount(), result.envelope().getFileName());
        } else {
            out.printf("Key %s had already signed %s; nothing added (%d signature(s))%n", result.keyId(),
                    archive.getFileName(), result.signatureCount());
        }
        return ExitCodes.OK;
    }
}
