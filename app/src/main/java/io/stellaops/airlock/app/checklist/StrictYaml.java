package io.stellaops.airlock.app.checklist;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.PemFiles;
import io.stellaops.airlock.bundle.manifest.JsonFields;
import io.stellaops.airlock.bundle.manifest.StrictJson;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The YAML files the checklist reads (its config, the staged tenant overrides, the alert rules),
 * parsed as strictly as {@code trust.yaml}: at most 1 MiB, duplicate keys refused, few aliases,
 * bounded nesting.
 */
final class StrictYaml {
    private static final int MAX_DEPTH = 16;

    private StrictYaml() {
    }

    /**
     * @throws BundleException {@link Failure#UNREADABLE} for a missing file, {@link Failure#REFUSED}
     *                         for one that is not YAML, naming the line
     */
    static JsonNode read(Path file, JsonFields json) throws BundleException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BundleException(Failure.UNREADABLE, "cannot read " + file + ": no such file");
            }
            if (Files.size(file) > PemFiles.MAX_FILE_BYTES) {
                throw new BundleException(Failure.REFUSED, file + " is larger than " + PemFiles.MAX_FILE_BYTES + " bytes");
            }
            return parse(Files.readAllBytes(file), json);
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    static JsonNode parse(byte[] bytes, JsonFields json) throws BundleException {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setMaxAliasesForCollections(8);
        loader.setCodePointLimit(PemFiles.MAX_FILE_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StrictJson.constraints(PemFiles.MAX_FILE_BYTES, PemFiles.MAX_FILE_BYTES, MAX_DEPTH))
                .build();
        return StrictJson.parse(factory, bytes, json);
    }
}
