package io.stellaops.airlock.bundle.testing;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.build.BuildRequest;
import io.stellaops.airlock.bundle.build.BuildResult;
import io.stellaops.airlock.bundle.build.BundleBuilder;
import io.stellaops.airlock.bundle.manifest.Producer;
import io.stellaops.airlock.bundle.verify.VerifyOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared fixtures: the sample source folder of the repository and builds of it at a fixed time. */
public final class TestBundles {
    public static final Instant CREATED_AT = Instant.parse("2026-11-01T10:00:00Z");
    public static final Instant EXPIRES_AT = CREATED_AT.plus(Duration.ofDays(90));
    /** A clock inside the validity window of {@link #CREATED_AT}. */
    public static final Clock CLOCK = Clock.fixed(CREATED_AT.plus(Duration.ofDays(1)), ZoneOffset.UTC);

    private TestBundles() {
    }

    /** The sample telemetry-storage source folder (samples/telemetry-storage), passed in by Maven. */
    public static Path sampleSource() {
        String dir = System.getProperty("airlock.sample.dir");
        if (dir == null) {
            throw new IllegalStateException("system property airlock.sample.dir is not set (run the tests through Maven)");
        }
        return Path.of(dir);
    }

    public static BuildRequest request(Path source, Path output, Compression compression) {
        return new BuildRequest(source, output, "telemetry-offline-bundle", "2026.11.0", 42, CREATED_AT, EXPIRES_AT,
                compression, false, new Producer("airlock", "test"), Limits.DEFAULT);
    }

    public static BuildResult build(Path source, Path output, Compression compression) throws BundleException {
        return new BundleBuilder().build(request(source, output, compression), ProgressListener.NONE);
    }

    public static BuildResult buildSample(Path folder) throws BundleException {
        return build(sampleSource(), folder.resolve("telemetry-offline-bundle-2026.11.0.tar.gz"), Compression.GZIP);
    }

    /** The sample as {@code telemetry-offline-bundle-VERSION.tar.gz} in {@code folder}, with the given generation. */
    public static Path buildSample(Path folder, long generation, String version) throws BundleException {
        Path out = folder.resolve("telemetry-offline-bundle-" + version + ".tar.gz");
        new BundleBuilder().build(new BuildRequest(sampleSource(), out, "telemetry-offline-bundle", version, generation,
                CREATED_AT, EXPIRES_AT, Compression.GZIP, false, new Producer("airlock", "test"), Limits.DEFAULT),
                ProgressListener.NONE);
        return out;
    }

    public static VerifyOptions options() {
        return new VerifyOptions(Limits.DEFAULT, CLOCK, VerifyOptions.DEFAULT_CLOCK_SKEW);
    }
}
