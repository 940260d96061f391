package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.KeyFiles;
import io.stellaops.airlock.bundle.keys.KeyWriter;
import io.stellaops.airlock.bundle.keys.Passphrase;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock keys generate}: a signing key pair, the private half owner-only and optionally encrypted. */
@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = AirlockCli.Version.class,
        description = "Signing keys.", subcommands = KeysCommand.Generate.class)
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (generate)");
    }

    @Command(name = "generate", sortOptions = false,
            description = {"Generate a signing key pair: PREFIX.key.pem (PKCS#8, owner-only, encrypted when a passphrase is given) and PREFIX.pub.pem (SPKI). Put the .pub.pem in the verifiers' trust folder."})
    static final class Generate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--type", required = true, paramLabel = "ed25519|ecdsa-p256|rsa-3072", description = "Key type.")
        String type;

        @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Path prefix of the two files, e.g. keys/alice.")
        String prefix;

        @Mixin
        PassphraseOptions passphrase;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Override
        public Integer call() throws BundleException {
            KeyAlgorithm algorithm = KeyAlgorithm.fromId(type).orElseThrow(() -> new BundleException(Failure.USAGE,
                    "--type '" + type + "' is not ed25519, ecdsa-p256 or rsa-3072"));
            SecureRandom random = new SecureRandom();
            Optional<Passphrase> secret = passphrase.read(true);
            try {
                KeyFiles files = new KeyWriter(random).write(SigningKeys.generate(algorithm, random),
                        Path.of(prefix + ".key.pem"), Path.of(prefix + ".pub.pem"), secret);
                var out = spec.commandLine().getOut();
                if (json) {
                    Json.print(out, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                            .put("privateKey", files.privateKey().toString()).put("publicKey", files.publicKey().toString())
                            .put("algorithm", algorithm.id()).put("keyId", files.keyId()).put("encrypted", files.encrypted()));
                } else {
                    out.printf("Private key  %s (owner-only%s)%n", files.privateKey(), files.encrypted() ? ", encrypted" : ", NOT encrypted");
                    out.printf("Public key   %s%n", files.publicKey());
                    out.printf("Key id       %s (%s)%n", files.keyId(), algorithm.id());
                }
                return ExitCodes.OK;
            } finally {
                secret.ifPresent(Passphrase::close);
            }
        }
    }
}
