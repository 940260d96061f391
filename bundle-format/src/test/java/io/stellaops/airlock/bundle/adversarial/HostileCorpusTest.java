package io.stellaops.airlock.bundle.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.kit.ImportRequest;
import io.stellaops.airlock.bundle.kit.ImportResult;
import io.stellaops.airlock.bundle.kit.KitImporter;
import io.stellaops.airlock.bundle.kit.KitLayout;
import io.stellaops.airlock.bundle.testing.Envelopes;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.trust.DsseAuthenticator;
import io.stellaops.airlock.bundle.verify.BundleVerifier;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every input of the hostile corpus through the real {@link BundleVerifier} (what
 * {@code bundle verify --trust} runs) and the real {@link KitImporter} (what {@code kit import}
 * runs) against an Offline Kit on disk that holds an active, genuine bundle. Each must be refused
 * with the case's exit code and message by both, and after each the live kit (names, types, modes,
 * sizes, digests, link targets, the bytes of state.json) is exactly as before, nothing was written
 * outside the kit, and the refusal was quarantined with its exit code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path root;

    private CorpusKeys keys;
    private KitLayout kit;
    private DsseAuthenticator authenticator;
    private KitSnapshot before;

    @BeforeAll
    void aKitWithAGenuineActiveBundle(@TempDir Path folder) throws Exception {
        root = folder;
        keys = CorpusKeys.generate();
        authenticator = new DsseAuthenticator(keys.policy(), Limits.DEFAULT);
        kit = new KitLayout(Files.createDirectories(root.resolve("kit")));
        Path genuine = TestBundles.buildSample(Files.createDirectories(root.resolve("genuine")), 1, "1.0.0");
        Envelopes.sign(genuine, keys.trusted);
        assertThat(importer().importBundle(request(genuine), ProgressListener.NONE).outcome())
                .isEqualTo(ImportResult.Outcome.ACTIVATED);
        before = KitSnapshot.of(kit);
    }

    Stream<HostileCase> corpus() {
        return HostileCorpus.all().stream();
    }

    @Test
    void theCorpusHoldsAtLeastFortyInputsOverEveryCategory() {
        List<HostileCase> all = HostileCorpus.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all).extracting(HostileCase::category).contains("traversal", "links", "devices", "duplicates",
                "pax/gnu", "oversized headers", "sizes", "truncation", "concatenation", "bombs", "manifest", "dsse",
                "validity");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedByVerifyAndImportAndTheKitIsUntouched(HostileCase c) throws Exception {
        Path archive = c.maker().make(Files.createDirectories(root.resolve("inputs").resolve(c.id())), keys);

        BundleException verify = catchThrowableOfType(BundleException.class, () -> new BundleVerifier(TestBundles.options())
                .verify(archive, authenticator, PayloadSink.DISCARD, ProgressListener.NONE));
        assertRefusal("bundle verify", verify, c);

        BundleException imported = catchThrowableOfType(BundleException.class,
                () -> importer().importBundle(request(archive), ProgressListener.NONE));
        assertRefusal("kit import", imported, c);

        assertThat(KitSnapshot.of(kit)).as("the live kit after " + c.id()).isEqualTo(before);
        assertThat(quarantinedExitCode(imported)).as("exit code in the quarantine's reason.json")
                .isEqualTo(c.failure().exitCode());
        assertNothingEscaped(c);
    }

    private static void assertRefusal(String step, BundleException refusal, HostileCase c) {
        assertThat(refusal).as(step + " must refuse " + c.id() + " (" + c.attack() + ")").isNotNull();
        assertThat(refusal.failure()).as(step + " failure for " + c.id() + ": " + refusal.getMessage())
                .isEqualTo(c.failure());
        assertThat(refusal.getMessage()).as(step + " message for " + c.id()).contains(c.message());
    }

    /** No file named after the attack's target exists outside the inputs and the quarantine. */
    private void assertNothingEscaped(HostileCase c) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            assertThat(paths.filter(p -> !p.startsWith(root.resolve("inputs")) && !p.startsWith(kit.quarantine()))
                    .map(p -> p.getFileName().toString()))
                    .as("files written by " + c.id())
                    .noneMatch(name -> name.contains("pwned") || name.equals("passwd") || name.equals("shadow"));
        }
        assertThat(Path.of("/tmp/airlock-pwned.yaml")).doesNotExist();
        assertThat(Path.of("/etc/cron.d/pwned")).doesNotExist();
    }

    private static int quarantinedExitCode(BundleException refusal) throws Exception {
        Path folder = Stream.of(refusal.getSuppressed()).filter(KitImporter.QuarantinedNote.class::isInstance)
                .map(n -> ((KitImporter.QuarantinedNote) n).folder()).findFirst()
                .orElseThrow(() -> new AssertionError("the refusal was not quarantined: " + refusal.getMessage()));
        return JSON.readTree(folder.resolve("reason.json").toFile()).get("exitCode").asInt();
    }

    private KitImporter importer() {
        return new KitImporter(kit, TestBundles.options());
    }

    private ImportRequest request(Path archive) {
        return new ImportRequest(archive, authenticator, false, Optional.empty(), false);
    }
}
