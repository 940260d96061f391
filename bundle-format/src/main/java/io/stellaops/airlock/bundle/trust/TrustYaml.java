package io.stellaops.airlock.bundle.trust;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.KeyLoader;
import io.stellaops.airlock.bundle.keys.PemBlock;
import io.stellaops.airlock.bundle.keys.PemFiles;
import io.stellaops.airlock.bundle.keys.VerificationKey;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import io.stellaops.airlock.bundle.manifest.StrictJson;
import io.stellaops.airlock.bundle.sign.DsseEnvelope;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads {@code trust.yaml}, strictly (unknown fields, duplicate keys and aliases beyond a handful
 * are refused); relative file paths are resolved against the file's folder:
 * <pre>
 * threshold: 2                 # optional, default 1
 * keys:                        # optional: trusted raw keys, each with a signer name
 *   - name: alice
 *     file: alice.pub.pem      # a PUBLIC KEY (or a certificate, whose key is taken) ...
 *   - name: bob
 *     pem: |                   # ... or the PEM inline: exactly one of file / pem
 *       -----BEGIN PUBLIC KEY-----
 *       ...
 * cas:                         # optional: trusted CA certificates (CA:TRUE), file or pem
 *   - file: ops-ca.pem
 * signers: [alice, bob, carol] # optional: only these names count (key names, certificate CNs)
 * </pre>
 */
final class TrustYaml {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@+-]{0,63}");

    private TrustYaml() {
    }

    static TrustPolicy load(Path file) throws BundleException {
        JsonFields json = new JsonFields(String.valueOf(file.getFileName()));
        JsonNode root = json.object(parse(PemFiles.readCapped(file), json), "trust policy");
        json.only(root, "trust policy", Set.of("threshold", "keys", "cas", "signers"));
        Path base = file.toAbsolutePath().getParent();
        int threshold = root.has("threshold")
                ? (int) json.integer(root, "", "threshold", 1, DsseEnvelope.MAX_SIGNATURES) : 1;
        List<TrustedKey> keys = keys(root, base, json);
        List<X509Certificate> cas = cas(root, base, json);
        Set<String> signers = signers(root, json);
        String problem = TrustPolicy.problem(keys, cas, threshold);
        if (problem != null) {
            throw json.refused(problem);
        }
        return new TrustPolicy(keys, cas, threshold, signers, file.toString());
    }

    private static JsonNode parse(byte[] bytes, JsonFields json) throws BundleException {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setMaxAliasesForCollections(8);
        loader.setCodePointLimit(PemFiles.MAX_FILE_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StrictJson.constraints(PemFiles.MAX_FILE_BYTES, PemFiles.MAX_FILE_BYTES, 8))
                .build();
        return StrictJson.parse(factory, bytes, json);
    }

    private static List<TrustedKey> keys(JsonNode root, Path base, JsonFields json) throws BundleException {
        List<TrustedKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode list = optionalArray(root, "keys", json);
        for (int i = 0; i < list.size(); i++) {
            String path = "keys[" + i + "]";
            JsonNode entry = json.object(list.get(i), path);
            json.only(entry, path, Set.of("name", "file", "pem"));
            String name = name(json.text(entry, path, "name"), path + ".name", json);
            if (!names.add(name)) {
                throw json.refused(path + ".name '" + name + "' is used twice");
            }
            VerificationKey key = fromFile(entry, path, json)
                    ? KeyLoader.loadPublicKey(base.resolve(json.text(entry, path, "file")))
                    : publicKeyFromPem(json.text(entry, path, "pem"), path, json);
            keys.add(new TrustedKey(key, Optional.of(name), json.document() + " " + path));
        }
        return keys;
    }

    private static List<X509Certificate> cas(JsonNode root, Path base, JsonFields json) throws BundleException {
        List<X509Certificate> cas = new ArrayList<>();
        JsonNode list = optionalArray(root, "cas", json);
        for (int i = 0; i < list.size(); i++) {
            String path = "cas[" + i + "]";
            JsonNode entry = json.object(list.get(i), path);
            json.only(entry, path, Set.of("file", "pem"));
            List<PemBlock> blocks = fromFile(entry, path, json)
                    ? PemFiles.read(base.resolve(json.text(entry, path, "file")))
                    : PemFiles.parse(json.text(entry, path, "pem").getBytes(US_ASCII), json.document() + " " + path);
            List<X509Certificate> certificates = Certificates.fromPem(blocks, json.document() + " " + path);
            if (certificates.isEmpty()) {
                throw json.refused(path + " holds no CERTIFICATE");
            }
            for (X509Certificate certificate : certificates) {
                if (!Certificates.isCa(certificate)) {
                    throw json.refused(path + ": '" + Certificates.subject(certificate)
                            + "' is not a CA certificate (basic constraints CA:TRUE); list a signer's own certificate under keys");
                }
                cas.add(certificate);
            }
        }
        return cas;
    }

    private static Set<String> signers(JsonNode root, JsonFields json) throws BundleException {
        Set<String> signers = new LinkedHashSet<>();
        if (!root.has("signers")) {
            return signers;
        }
        JsonNode list = json.array(root, "", "signers");
        if (list.isEmpty()) {
            throw json.refused("signers is empty: leave it out to allow every trusted signer");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                throw json.refused("signers[" + i + "] must be a string");
            }
            signers.add(name(list.get(i).textValue(), "signers[" + i + "]", json));
        }
        return signers;
    }

    /** Whether the entry names a file (true) or carries its PEM inline (false); exactly one is allowed. */
    private static boolean fromFile(JsonNode entry, String path, JsonFields json) throws BundleException {
        if (entry.has("file") == entry.has("pem")) {
            throw json.refused(path + " needs exactly one of 'file' and 'pem'");
        }
        return entry.has("file");
    }

    private static VerificationKey publicKeyFromPem(String pem, String path, JsonFields json) throws BundleException {
        String source = json.document() + " " + path;
        for (PemBlock block : PemFiles.parse(pem.getBytes(US_ASCII), source)) {
            if (block.type().equals("PUBLIC KEY")) {
                return VerificationKey.fromSpki(block.content(), source);
            }
        }
        throw json.refused(path + ".pem holds no PUBLIC KEY block");
    }

    private static String name(String name, String path, JsonFields json) throws BundleException {
        if (!NAME.matcher(name).matches()) {
            throw json.refused(path + " '" + BundlePath.printable(name)
                    + "' must be 1 to 64 letters, digits, spaces or . _ @ + - (starting with a letter or digit)");
        }
        return name;
    }

    private static JsonNode optionalArray(JsonNode root, String name, JsonFields json) throws BundleException {
        return root.has(name) ? json.array(root, "", name) : JsonNodeFactory.instance.arrayNode();
    }
}
