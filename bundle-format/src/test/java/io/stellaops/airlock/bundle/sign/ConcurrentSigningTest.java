package io.stellaops.airlock.bundle.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.testing.Envelopes;
import io.stellaops.airlock.bundle.testing.TestBundles;
import io.stellaops.airlock.bundle.testing.TestKeys;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several people countersigning the same bundle at the same moment: every signature must survive. */
class ConcurrentSigningTest {
    @TempDir
    Path dir;

    @Test
    void signersStartingTogetherAllEndUpInTheEnvelope() throws Exception {
        List<SigningKey> keys = List.of(TestKeys.generate(KeyAlgorithm.ED25519), TestKeys.generate(KeyAlgorithm.ED25519),
                TestKeys.generate(KeyAlgorithm.ECDSA_P256), TestKeys.generate(KeyAlgorithm.ED25519));
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        try {
            for (int round = 0; round < 5; round++) {
                Path archive = Envelopes.archive(dir, "b" + round + ".tar.gz", "1");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SignResult>> results = new ArrayList<>();
                for (SigningKey key : keys) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return new BundleSigner(TestBundles.options()).sign(archive, key);
                    }));
                }
                start.countDown();
                for (Future<SignResult> result : results) {
                    assertThat(result.get(60, TimeUnit.SECONDS).added()).isTrue();
                }
                DsseEnvelope envelope = EnvelopeCodec.readIfPresent(SignatureFiles.envelopeFor(archive), Limits.DEFAULT)
                        .orElseThrow();
                assertThat(envelope.signatures()).extracting(DsseSignature::keyId)
                        .containsExactlyInAnyOrderElementsOf(keys.stream().map(SigningKey::keyId).toList());
                assertThat(EnvelopeLock.lockFileFor(SignatureFiles.envelopeFor(archive))).doesNotExist();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSignerThatKeepsTheLockMakesTheNextOneGiveUpWithItsNameAndChangesNothing() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Path envelopeFile = SignatureFiles.envelopeFor(archive);
        try (EnvelopeLock held = EnvelopeLock.acquire(envelopeFile, Duration.ZERO)) {
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> new BundleSigner(TestBundles.options(), Duration.ofMillis(200))
                            .sign(archive, TestKeys.generate(KeyAlgorithm.ED25519)));

            assertThat(e.failure()).isEqualTo(Failure.USAGE);
            assertThat(e.getMessage()).contains("another signer is writing b.tar.gz.dsse.json")
                    .contains("process " + ProcessHandle.current().pid());
            assertThat(envelopeFile).doesNotExist();
        }
        assertThat(EnvelopeLock.lockFileFor(envelopeFile)).doesNotExist();
    }

    @Test
    void aLockLeftByAProcessThatNoLongerRunsIsReportedAtOnceWithTheFileToDelete() throws Exception {
        Path archive = Envelopes.archive(dir, "b.tar.gz", "1");
        Path lock = EnvelopeLock.lockFileFor(SignatureFiles.envelopeFor(archive));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = InetAddress.getLocalHost().getHostName().replace(' ', '_');
        Files.write(lock, (gone.pid() + " " + host + " 2026-11-25T00:00:00Z\n").getBytes(UTF_8));

        BundleException e = catchThrowableOfType(BundleException.class,
                () -> new BundleSigner(TestBundles.options()).sign(archive, TestKeys.generate(KeyAlgorithm.ED25519)));

        assertThat(e.failure()).isEqualTo(Failure.USAGE);
        assertThat(e.getMessage()).contains("no longer runs").contains("delete " + lock);
        assertThat(lock).exists();
        assertThat(SignatureFiles.envelopeFor(archive)).doesNotExist();
    }
}
