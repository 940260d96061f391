package io.stellaops.airlock.bundle.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The streaming manifest codec: its bytes equal the canonical form of the statement as a tree
 * (the generic RFC 8785 writer), it reads back what it wrote, and it refuses, naming the field,
 * every deviation, with the statement-level checks before the per-file items.
 */
class ManifestCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Limits LIMITS = Limits.DEFAULT;

    @Test
    void writesTheCanonicalFormOfTheStatementTree() {
        for (int seed = 0; seed < 20; seed++) {
            BundleManifest manifest = randomManifest(new SplittableRandom(seed), 1 + seed * 7);
            assertThat(new String(ManifestCodec.encode(manifest), UTF_8))
                    .isEqualTo(new String(CanonicalJson.write(asTree(manifest)), UTF_8));
        }
    }

    @Test
    void readsBackWhatItWrote() throws BundleException {
        for (int seed = 0; seed < 20; seed++) {
            BundleManifest manifest = randomManifest(new SplittableRandom(seed), seed * 13);
            assertThat(ManifestCodec.decode(ManifestCodec.encode(manifest), LIMITS)).isEqualTo(manifest);
        }
    }

    @Test
    void refusesAnyOtherSpellingOfTheSameStatement() throws Exception {
        String genuine = new String(ManifestCodec.encode(randomManifest(new SplittableRandom(1), 3)), UTF_8);
        assertRefused(genuine.replace("{\"", "{ \""), "is not in canonical JSON form");
        assertRefused(genuine + "\n", "is not in canonical JSON form");
        assertRefused(genuine.replaceFirst("\"mode\":\"0", "\"mode\":\"\\\\u0030"), "is not in canonical JSON form");
        assertRefused(genuine.replace("\"role\":", "\"r\\u006fle\":"), "is not in canonical JSON form");
        ObjectNode reordered = JSON.createObjectNode();
        ObjectNode tree = (ObjectNode) JSON.readTree(genuine);
        reordered.set("subject", tree.get("subject"));
        reordered.setAll(tree);
        assertRefused(JSON.writeValueAsString(reordered), "is not in canonical JSON form");
        assertRefused(genuine + "{}", "is not valid JSON");
        assertRefused("", "is empty");
        assertRefused("[]", "statement must be an object");
    }

    @Test
    void aNewerFormatSaysSoBeforeItsItemsAreJudged() {
        assertMutationRefused(m -> {
            m.put("predicateType", ManifestCodec.PREDICATE_TYPE_PREFIX + "2");
            file(m, 1).put("annotations", "new in v2");
            ((ObjectNode) m.withArray("subject").get(0)).remove("digest");
        }, "bundle format v2 is newer than this Airlock reads");
    }

    @Test
    void namesTheFirstItemThatIsWrong() {
        assertMutationRefused(m -> {
            file(m, 2).put("mode", "4755");
            ((ObjectNode) m.withArray("subject").get(1)).put("extra", 1);
        }, "manifest.json: subject[1] has unknown field(s) 'extra'");
        assertMutationRefused(m -> {
            file(m, 1).put("mode", "4755");
            ((ObjectNode) m.withArray("subject").get(2)).put("extra", 1);
        }, "manifest.json: predicate.files[1].mode '4755' is not 0644 or 0755");
        assertMutationRefused(m -> file(m, 0).put("size", "12"), "predicate.files[0].size must be an integer");
        assertMutationRefused(m -> ((ObjectNode) m.withArray("subject").get(2)).put("name", "other.yaml"),
                "subject[2].name 'other.yaml' differs from predicate.files[2].path");
        assertMutationRefused(m -> ((ObjectNode) m.withArray("subject").get(0).get("digest")).put("sha256", "ABC"),
                "sha256 of '");
        assertMutationRefused(m -> m.withArray("subject").remove(0), "subject lists 2 files but predicate.files lists 3");
        assertMutationRefused(m -> ((ObjectNode) m.get("predicate")).put("files", "none"), "predicate.files must be an array");
        assertMutationRefused(m -> m.put("subject", 3), "subject must be an array");
        assertMutationRefused(m -> m.remove("predicate"), "predicate is missing");
        assertMutationRefused(m -> m.put("predicate", "x"), "predicate must be an object");
        assertMutationRefused(m -> file(m, 0).put("role", "rootkit"), "predicate.files[0].role 'rootkit' is not one of");
    }

    @Test
    void countsEveryItemPastTheLimitWithoutKeepingThem() throws Exception {
        byte[] bytes = ManifestCodec.encode(randomManifest(new SplittableRandom(5), 40));
        Limits ten = new Limits(10, LIMITS.maxPathBytes(), LIMITS.maxHeaderBytes(), LIMITS.maxManifestBytes(),
                LIMITS.maxFileBytes(), LIMITS.maxTotalBytes(), LIMITS.maxTrailerBytes());
        assertThatThrownBy(() -> ManifestCodec.decode(bytes, ten))
                .hasMessage("manifest.json: lists 40 files, more than the limit of 10");
    }

    private static void assertMutationRefused(Consumer<ObjectNode> change, String message) {
        ObjectNode tree = asTree(randomManifest(new SplittableRandom(2), 3));
        change.accept(tree);
        assertRefused(new String(CanonicalJson.write(tree), UTF_8), message);
    }

    private static void assertRefused(String document, String message) {
        assertThatThrownBy(() -> ManifestCodec.decode(document.getBytes(UTF_8), LIMITS))
                .isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining(message);
    }

    private static ObjectNode file(ObjectNode statement, int index) {
        return (ObjectNode) statement.get("predicate").get("files").get(index);
    }

    static BundleManifest randomManifest(SplittableRandom random, int files) {
        List<FileEntry> entries = new ArrayList<>();
        String[] types = {"application/yaml", "text/plain", "application/vnd.oci.image.layer.v1.tar"};
        for (int i = 0; i < files; i++) {
            StringBuilder path = new StringBuilder(String.format(Locale.ROOT, "d%03d/", i));
            int length = 1 + random.nextInt(i % 5 == 0 ? 150 : 20);
            for (int c = 0; c < length; c++) {
                path.append("abcXYZ09._-+@=,".charAt(random.nextInt(15)));
            }
            path.append('z');
            StringBuilder sha = new StringBuilder();
            for (int c = 0; c < 64; c++) {
                sha.append("0123456789abcdef".charAt(random.nextInt(16)));
            }
            entries.add(new FileEntry(path.toString(), random.nextLong(1L << 30), sha.toString(),
                    random.nextBoolean() ? 0644 : 0755, types[random.nextInt(types.length)],
                    FileRole.values()[random.nextInt(FileRole.values().length)]));
        }
        entries.sort((a, b) -> BundlePath.BYTE_ORDER.compare(a.path(), b.path()));
        Instant created = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1 << 20));
        return new BundleManifest(1, "bundle-" + random.nextInt(100), "1.2." + random.nextInt(100),
                1 + random.nextInt(1 << 30), created, created.plusSeconds(86400), new Producer("airlock", "0.1.0"), entries);
    }

    /** The statement as a generic tree, field by field as the format specifies it. */
    private static ObjectNode asTree(BundleManifest manifest) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode statement = nodes.objectNode();
        statement.put("_type", ManifestCodec.STATEMENT_TYPE);
        ArrayNode subject = statement.putArray("subject");
        statement.put("predicateType", ManifestCodec.PREDICATE_TYPE_PREFIX + manifest.formatVersion());
        ObjectNode predicate = statement.putObject("predicate");
        predicate.put("name", manifest.name());
        predicate.put("version", manifest.version());
        predicate.put("generation", manifest.generation());
        predicate.put("createdAt", manifest.createdAt().toString());
        predicate.put("expiresAt", manifest.expiresAt().toString());
        predicate.putObject("producer").put("name", manifest.producer().name()).put("version", manifest.producer().version());
        ArrayNode files = predicate.putArray("files");
        for (FileEntry file : manifest.files()) {
            ObjectNode item = subject.addObject();
            item.put("name", file.path());
            item.putObject("digest").put("sha256", file.sha256());
            files.addObject().put("path", file.path()).put("size", file.size()).put("mode", file.modeOctal())
                    .put("mediaType", file.mediaType()).put("role", file.role().id());
        }
        return statement;
    }
}
