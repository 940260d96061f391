package io.stellaops.airlock.bundle.trust;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.PemBlock;
import io.stellaops.airlock.bundle.keys.PemFiles;
import io.stellaops.airlock.bundle.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a trust policy from what a reviewer hands over: a {@code trust.yaml} (see {@link TrustYaml})
 * or a folder of PEM files. In a folder every {@code *.pem} counts: a "PUBLIC KEY" block is a
 * trusted key named after its file ({@code alice.pub.pem} is "alice"), a certificate with CA basic
 * constraints is a trusted CA, any other certificate's key is a trusted key named by its CN (there
 * the certificate only names a raw key: its dates are not checked). The
 * threshold of a folder is 1 unless the caller overrides it. A private key anywhere is refused: a
 * trust root is public material, and finding a secret there means something was mixed up.
 */
public final class TrustPolicies {
    static final int MAX_FILES = 256;

    private TrustPolicies() {
    }

    /**
     * @throws BundleException {@link Failure#UNREADABLE} when missing, {@link Failure#REFUSED} when malformed
     */
    public static TrustPolicy load(Path folderOrYaml) throws BundleException {
        if (Files.isDirectory(folderOrYaml)) {
            // A folder that carries its own trust.yaml means that policy (threshold, signer names included).
            for (String name : new String[] {"trust.yaml", "trust.yml"}) {
                if (Files.isRegularFile(folderOrYaml.resolve(name))) {
                    return TrustYaml.load(folderOrYaml.resolve(name));
                }
            }
            return fromFolder(folderOrYaml);
        }
        if (!Files.isRegularFile(folderOrYaml)) {
            throw new BundleException(Failure.UNREADABLE, "trust policy " + folderOrYaml + " does not exist");
        }
        String name = String.valueOf(folderOrYaml.getFileName());
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return TrustYaml.load(folderOrYaml);
        }
        throw new BundleException(Failure.USAGE, "trust policy " + folderOrYaml
                + " is neither a folder of PEM files nor a .yaml file");
    }

    public static TrustPolicy fromFolder(Path folder) throws BundleException {
        List<TrustedKey> keys = new ArrayList<>();
        List<X509Certificate> cas = new ArrayList<>();
        for (Path file : pemFiles(folder)) {
            List<PemBlock> blocks = PemFiles.read(file);
            for (PemBlock block : blocks) {
                switch (block.type()) {
                    case "PUBLIC KEY" -> keys.add(new TrustedKey(VerificationKey.fromSpki(block.content(),
                            file.toString()), Optional.of(stem(file)), file.toString()));
                    case "CERTIFICATE" -> addCertificate(Certificates.decode(block.content(), file.toString()),
                            file, keys, cas);
                    default -> throw new BundleException(Failure.REFUSED, file + " holds a '" + block.type()
                            + "' block; a trust folder holds public keys and certificates only");
                }
            }
        }
        String problem = TrustPolicy.problem(keys, cas, 1);
        if (problem != null) {
            throw new BundleException(Failure.REFUSED, "trust folder " + folder + " " + problem);
        }
        return new TrustPolicy(keys, cas, 1, Set.of(), folder.toString());
    }

    private static void addCertificate(X509Certificate certificate, Path file, List<TrustedKey> keys,
            List<X509Certificate> cas) throws BundleException {
        if (Certificates.isCa(certificate)) {
            cas.add(certificate);
        } else {
            keys.add(new TrustedKey(VerificationKey.of(certificate.getPublicKey(), file.toString()),
                    Optional.of(Certificates.commonName(certificate).orElse(stem(file))), file.toString()));
        }
    }

    private static List<Path> pemFiles(Path folder) throws BundleException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.pem")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
                if (files.size() > MAX_FILES) {
                    throw new BundleException(Failure.REFUSED, "trust folder " + folder + " holds more than "
                            + MAX_FILES + " PEM files");
                }
            }
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot read trust folder " + folder + ": "
                    + AtomicFiles.describe(e), e);
        }
        // Sorted so that the same folder always gives the same policy and the same messages.
        files.sort(null);
        return files;
    }

    /** "alice" for alice.pub.pem, alice.pem or alice.cert.pem. */
    static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        for (String suffix : List.of(".pem", ".pub", ".cert", ".crt", ".key")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
