package io.stellaops.airlock.bundle.build;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.testing.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source file changed after it was hashed for the manifest and before it was archived is caught,
 * and the build leaves nothing behind. Changes are made on the real file system (the test's
 * temporary folder) from the build's own progress callback once archiving has begun, with the same
 * size, so that only the stamp (times, inode) or a second hash can tell.
 */
class SourceChangeTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_600_000_000_000L);

    @TempDir
    Path dir;

    private Path source;
    private Path last;

    @BeforeEach
    void copySample() throws IOException {
        source = dir.resolve("source");
        Path sample = TestBundles.sampleSource();
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = source.resolve(sample.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                    Files.setLastModifiedTime(target, LONG_AGO);
                }
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            last = files.filter(Files::isRegularFile).max((a, b) -> source.relativize(a).toString()
                    .compareTo(source.relativize(b).toString())).orElseThrow();
        }
    }

    @Test
    void aFreshlyWrittenFileIsRacyAndHashedAgainAnOldOneIsNot() throws Exception {
        Path fresh = dir.resolve("fresh.yaml");
        Files.writeString(fresh, "a: 1\n");
        assertThat(SourceStamp.of(fresh).conclusive()).isFalse();
        assertThat(SourceStamp.of(fresh, Duration.ZERO).conclusive()).isTrue();
        assertThat(SourceStamp.of(fresh).unchangedIn(SourceStamp.of(fresh))).isTrue();
    }

    @Test
    void aChangeOfTheSameSizeIsCaughtByTheStamp() {
        assertRefusedWhenArchivingStarts(new BundleBuilder(Duration.ZERO), () -> overwriteSameSize(last));
    }

    @Test
    void aChangeWithItsModificationTimeSetBackIsCaughtByTheChangeTime() {
        assertRefusedWhenArchivingStarts(new BundleBuilder(Duration.ZERO), () -> {
            overwriteSameSize(last);
            Files.setLastModifiedTime(last, LONG_AGO);
        });
    }

    @Test
    void aFileReplacedByRenameIsCaughtByItsInode() {
        assertRefusedWhenArchivingStarts(new BundleBuilder(Duration.ZERO), () -> {
            Path replacement = dir.resolve("replacement");
            Files.write(replacement, flipped(Files.readAllBytes(last)));
            Files.setLastModifiedTime(replacement, LONG_AGO);
            Files.move(replacement, last, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    @Test
    void aRacyFileIsHashedAgainAndItsChangeCaught() throws Exception {
        Files.writeString(last, Files.readString(last, UTF_8), UTF_8);
        assertThat(SourceStamp.of(last).conclusive()).isFalse();
        assertRefusedWhenArchivingStarts(new BundleBuilder(), () -> overwriteSameSize(last));
    }

    @Test
    void anUnchangedSourceBuildsWithOrWithoutTheStamp() throws Exception {
        Path withStamps = dir.resolve("a.tar.gz");
        Path hashedTwice = dir.resolve("b.tar.gz");
        new BundleBuilder(Duration.ZERO).build(TestBundles.request(source, withStamps, Compression.GZIP), ProgressListener.NONE);
        new BundleBuilder(Duration.ofDays(365_000)).build(TestBundles.request(source, hashedTwice, Compression.GZIP),
                ProgressListener.NONE);
        assertThat(Files.readAllBytes(withStamps)).isEqualTo(Files.readAllBytes(hashedTwice));
    }

    private interface Change {
        void apply() throws Exception;
    }

    private void assertRefusedWhenArchivingStarts(BundleBuilder builder, Change change) {
        Path output = dir.resolve("out.tar.gz");
        AtomicBoolean changed = new AtomicBoolean();
        ProgressListener listener = (phase, done, total) -> {
            if (phase.equals("write") && changed.compareAndSet(false, true)) {
                try {
                    Thread.sleep(20); // past the kernel's clock tick, so the times can differ
                    change.apply();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        assertThatThrownBy(() -> builder.build(TestBundles.request(source, output, Compression.GZIP), listener))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("changed while the bundle was built")
                .satisfies(e -> assertThat(((BundleException) e).failure()).isEqualTo(Failure.DIGEST_MISMATCH));
        assertThat(changed).isTrue();
        assertThat(dir.toFile().list()).containsOnly("source");
    }

    private static void overwriteSameSize(Path file) throws IOException {
        Files.write(file, flipped(Files.readAllBytes(file)));
    }

    private static byte[] flipped(byte[] bytes) {
        byte[] changed = bytes.clone();
        changed[0] = (byte) (changed[0] == 'x' ? 'y' : 'x');
        return changed;
    }
}
