package io.stellaops.airlock.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The diff by digest, and the scrubbing of Secret values from text that comes from outside. */
class ClusterDiffTest {
    private static final Map<String, String> LABELS = Map.of(ClusterPlan.MANAGED_BY_LABEL, ClusterPlan.MANAGER);
    private static final Map<String, String> ANNOTATIONS = Map.of(ClusterPlan.BUNDLE_ANNOTATION, "abc");

    private static DesiredObject secret(String... keyValues) {
        TreeMap<String, DataValue> data = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put(keyValues[i], new DataValue(keyValues[i + 1].getBytes(StandardCharsets.UTF_8), true, "test"));
        }
        return new DesiredObject(ObjectKind.SECRET, "observability", "s", LABELS, ANNOTATIONS, data);
    }

    private static LiveObject live(Map<String, String> labels, String... keyValues) {
        TreeMap<String, String> digests = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            digests.put(keyValues[i], DataValue.sha256(keyValues[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return new LiveObject(labels, ANNOTATIONS, Optional.of("Opaque"), digests);
    }

    @Test
    void classifiesObjectsAndKeys() {
        assertThat(ObjectDiff.between(secret("a", "1"), Optional.empty(), false).action()).isEqualTo(ObjectDiff.Action.CREATE);
        ObjectDiff same = ObjectDiff.between(secret("a", "1"), Optional.of(live(LABELS, "a", "1", "extra", "x")), false);
        assertThat(same.action()).isEqualTo(ObjectDiff.Action.UNCHANGED);
        assertThat(same.keys()).extracting(KeyChange::change).containsExactly(KeyChange.Change.UNCHANGED, KeyChange.Change.KEPT);
        ObjectDiff changed = ObjectDiff.between(secret("a", "2", "b", "3"), Optional.of(live(LABELS, "a", "1")), false);
        assertThat(changed.action()).isEqualTo(ObjectDiff.Action.UPDATE);
        assertThat(changed.keys()).extracting(KeyChange::change).containsExactly(KeyChange.Change.CHANGED, KeyChange.Change.ADDED);
        assertThat(changed.keys().get(0).live()).contains(DataValue.sha256("1".getBytes(StandardCharsets.UTF_8)));
        assertThat(ObjectDiff.between(secret("a", "1"), Optional.of(live(Map.of(), "a", "1")), false).action())
                .isEqualTo(ObjectDiff.Action.FOREIGN);
        ObjectDiff taken = ObjectDiff.between(secret("a", "1"), Optional.of(live(Map.of("app.kubernetes.io/managed-by", "helm"),
                "a", "1")), true);
        assertThat(taken.action()).isEqualTo(ObjectDiff.Action.TAKE_OVER);
        assertThat(taken.metadata()).containsExactly("label app.kubernetes.io/managed-by: helm -> airlock");
        DesiredObject ns = new DesiredObject(ObjectKind.NAMESPACE, "observability", "observability", LABELS, ANNOTATIONS,
                new TreeMap<>());
        assertThat(ObjectDiff.between(ns, Optional.of(live(Map.of())), false).action()).isEqualTo(ObjectDiff.Action.EXISTS);
    }

    @Test
    void aSecretTypeChangeIsShownBecauseTheApiWillRefuseIt() {
        LiveObject tls = new LiveObject(LABELS, ANNOTATIONS, Optional.of("kubernetes.io/tls"), new TreeMap<>());
        assertThat(ObjectDiff.between(secret("a", "1"), Optional.of(tls), false).metadata())
                .anySatisfy(line -> assertThat(line).startsWith("type kubernetes.io/tls -> Opaque"));
    }

    @Test
    void valuesPrintAsDigestsOnly() {
        DataValue value = new DataValue("super-secret-value-1234".getBytes(StandardCharsets.UTF_8), true, "f");
        assertThat(value.toString()).startsWith("sha256:").doesNotContain("super-secret");
        assertThat(secret("k", "super-secret-value-1234").toString()).doesNotContain("super-secret");
        value.destroy();
        assertThat(value.isDestroyed()).isTrue();
    }

    @Test
    void theRedactorRemovesValuesTheirBase64AndTheirLines() {
        String key = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\nAwEHBG0wawIBAQQgabcdefabcdefabcd\n-----END PRIVATE KEY-----\n";
        Redactor redactor = new Redactor(List.of(key.getBytes(StandardCharsets.US_ASCII),
                "eyJhbGciOiJFUzI1NiJ9.eyJleHAiOjE3OTgyMDMzODl9.c2lnbmF0dXJlc2lnbmF0dXJl".getBytes(StandardCharsets.US_ASCII)));
        assertThat(redactor.scrub("bad value AwEHBG0wawIBAQQgabcdefabcdefabcd here")).isEqualTo("bad value <redacted> here");
        assertThat(redactor.scrub("token eyJhbGciOiJFUzI1NiJ9.eyJleHAiOjE3OTgyMDMzODl9.c2lnbmF0dXJlc2lnbmF0dXJl"))
                .isEqualTo("token <redacted>");
        assertThat(redactor.scrub("only the signature c2lnbmF0dXJlc2lnbmF0dXJl")).doesNotContain("c2lnbmF0dXJl");
        assertThat(redactor.scrub(java.util.Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("<redacted>");
        assertThat(redactor.scrub("secrets \"s\" is forbidden")).isEqualTo("secrets \"s\" is forbidden");
    }
}
