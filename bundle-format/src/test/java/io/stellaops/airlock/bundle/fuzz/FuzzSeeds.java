package io.stellaops.airlock.bundle.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.kit.ImportRequest;
import io.stellaops.airlock.bundle.kit.KitImporter;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.testing.Envelopes;
import io.stellaops.airlock.bundle.testing.Forge;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.testing.TestKeys;
import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the seed inputs of the fuzz targets into their Jazzer inputs folders (run by
 * {@code scripts/fuzz seeds}; the output is committed). Every seed is made by Airlock's own writers,
 * so the fuzzer starts from inputs that reach deep into each parser, and the regression run in
 * {@code mvn verify} executes them all. Findings that Jazzer saves beside them stay there as
 * regression inputs.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args.length > 0 ? args[0] : "bundle-format/src/test/resources");
        Path work = Files.createTempDirectory("airlock-seeds-");
        Forge forge = new Forge().file("a.yaml", "alpha: 1\n").file("b/c.yaml", "bravo: 2\n");
        SigningKey key = TestKeys.generate(KeyAlgorithm.ED25519);

        Path fuzz = resources.resolve("io/stellaops/airlock/bundle/fuzz");
        Path archives = fuzz.resolve("ArchiveReaderFuzzTestInputs/archiveReader");
        byte[] tar = forge.faithfulTar().tarBytes();
        seed(archives, "seed-gzip-tar", prefixed((byte) 1, tar));
        seed(archives, "seed-zstd-tar", prefixed((byte) 2, tar));
        seed(archives, "seed-raw-gzip", prefixed((byte) 0,
                Files.readAllBytes(forge.faithfulTar().write(work.resolve("x.tar.gz"), Compression.GZIP))));

        seed(fuzz.resolve("ManifestCodecFuzzTestInputs/manifestParser"), "seed-manifest", forge.manifestBytes());

        Path archive = Envelopes.archive(work, "e.tar.gz", "1");
        seed(fuzz.resolve("EnvelopeCodecFuzzTestInputs/envelopeParser"), "seed-envelope",
                Files.readAllBytes(Envelopes.sign(archive, key)));

        Path trust = fuzz.resolve("TrustPolicyFuzzTestInputs/trustPolicyLoader");
        String pem = new String(key.verificationKey().toPem(), UTF_8);
        seed(trust, "seed-trust-yaml", prefixed((byte) 0, ("threshold: 1\nkeys:\n  - name: release\n    pem: |\n"
                + pem.indent(6) + "signers: [release]\n").getBytes(UTF_8)));
        seed(trust, "seed-trust-folder-pem", prefixed((byte) 1, pem.getBytes(UTF_8)));

        seed(resources.resolve("io/stellaops/airlock/bundle/kit/ReceiptChainFuzzTestInputs/receiptChainReader"),
                "seed-chain", receiptChain(work, forge));
    }

    /** A real chain of two receipts: an activation and the refusal of an older generation. */
    private static byte[] receiptChain(Path work, Forge forge) throws Exception {
        KitLayout layout = new KitLayout(Files.createDirectories(work.resolve("kit")));
        KitImporter importer = new KitImporter(layout, TestBundles.options());
        Path archive = forge.faithfulTar().write(work.resolve("r.tar.gz"), Compression.GZIP);
        importer.importBundle(new ImportRequest(archive, ManifestAuthenticator.NONE, false, Optional.empty(), false),
                ProgressListener.NONE);
        try {
            importer.importBundle(new ImportRequest(TestBundles.buildSample(work, 1, "0.1.0"), ManifestAuthenticator.NONE,
                    false, Optional.empty(), false), ProgressListener.NONE);
        } catch (io.stellaops.airlock.bundle.BundleException expected) {
            // The older generation is refused; its receipt is the second link.
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(layout.receipts())) {
            for (Path file : files.sorted().toList()) {
                if (out.size() > 0) {
                    out.write("\n--receipt--\n".getBytes(UTF_8));
                }
                out.write(Files.readAllBytes(file));
            }
        }
        return out.toByteArray();
    }

    private static byte[] prefixed(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static void seed(Path folder, String name, byte[] content) throws Exception {
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), content);
        System.out.println("seed " + folder.resolve(name) + " (" + content.length + " bytes)");
    }
}
