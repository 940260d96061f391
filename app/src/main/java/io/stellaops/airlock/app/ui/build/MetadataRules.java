package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.build.BuildDefaults;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.Producer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bundle metadata rules, asked of the library rather than restated: times and durations go
 * through {@link BuildDefaults} exactly as the CLI's options do, and name, version, generation
 * and the validity window are checked by constructing a {@link BundleManifest}, whose
 * constructor is where the format defines them. Each field is probed on its own, with
 * library-made values for the others, so that a problem lands on the field that has it.
 * Problems are the library's own (English) messages.
 */
public final class MetadataRules {

    private static final Instant PROBE_TIME = Instant.EPOCH;

    private final Clock clock;
    private final Optional<String> sourceDateEpoch;
    private final String notAWholeNumber;

    /**
     * @param notAWholeNumber the one message the library has no rule for: generation text that
     *                        is not a number at all (the CLI's option parser says it there)
     */
    public MetadataRules(Clock clock, Optional<String> sourceDateEpoch, String notAWholeNumber) {
        this.clock = clock;
        this.sourceDateEpoch = sourceDateEpoch;
        this.notAWholeNumber = notAWholeNumber;
    }

    /** The creation time the fields start with: {@code SOURCE_DATE_EPOCH} or now, as on the command line. */
    public Instant defaultCreatedAt() {
        try {
            return BuildDefaults.createdAt(null, sourceDateEpoch.orElse(null), clock);
        } catch (BundleException e) {
            // A malformed SOURCE_DATE_EPOCH: start from the clock; building refuses it as the CLI does.
            return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
    }

    public Optional<String> nameProblem(String name) {
        return probe(name, BuildDefaults.version(PROBE_TIME), BuildDefaults.generation(PROBE_TIME), PROBE_TIME,
                PROBE_TIME.plus(BuildDefaults.VALIDITY));
    }

    public Optional<String> versionProblem(String version) {
        return probe(BuildDefaults.NAME, version, BuildDefaults.generation(PROBE_TIME), PROBE_TIME,
                PROBE_TIME.plus(BuildDefaults.VALIDITY));
    }

    public Optional<String> generationProblem(String generation) {
        try {
            return probe(BuildDefaults.NAME, BuildDefaults.version(PROBE_TIME), parseGeneration(generation), PROBE_TIME,
                    PROBE_TIME.plus(BuildDefaults.VALIDITY));
        } catch (BundleException e) {
            return Optional.of(e.getMessage());
        }
    }

    public Optional<String> createdAtProblem(String createdAt) {
        try {
            Instant created = createdAt(createdAt);
            return probe(BuildDefaults.NAME, BuildDefaults.version(PROBE_TIME), BuildDefaults.generation(PROBE_TIME),
                    created, created.plusSeconds(1));
        } catch (BundleException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Checks the duration, and, when the creation time is valid, the window it gives. */
    public Optional<String> expiresInProblem(String createdAt, String expiresIn) {
        try {
            Duration validity = BuildDefaults.parseDuration(expiresIn);
            if (createdAtProblem(createdAt).isPresent()) {
                return Optional.empty();
            }
            Instant created = createdAt(createdAt);
            return probe(BuildDefaults.NAME, BuildDefaults.version(PROBE_TIME), BuildDefaults.generation(PROBE_TIME),
                    created, expiry(created, validity));
        } catch (BundleException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Resolves the typed metadata as the CLI does; the library checks the rest when it builds. */
    Resolved resolve(BuildInputs inputs) throws BundleException {
        Instant created = createdAt(inputs.createdAt());
        Instant expires = expiry(created, BuildDefaults.parseDuration(inputs.expiresIn()));
        return new Resolved(parseGeneration(inputs.generation()), created, expires);
    }

    /** The typed values that need parsing, parsed. */
    record Resolved(long generation, Instant createdAt, Instant expiresAt) {
    }

    private Instant createdAt(String text) throws BundleException {
        return BuildDefaults.createdAt(text, sourceDateEpoch.orElse(null), clock);
    }

    private static Instant expiry(Instant created, Duration validity) throws BundleException {
        try {
            return created.plus(validity);
        } catch (DateTimeException | ArithmeticException e) {
            throw new BundleException(Failure.USAGE, "expiry " + created + " + " + validity + " is out of range", e);
        }
    }

    private long parseGeneration(String text) throws BundleException {
        try {
            return Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new BundleException(Failure.USAGE, notAWholeNumber, e);
        }
    }

    private static Optional<String> probe(String name, String version, long generation, Instant created, Instant expires) {
        try {
            new BundleManifest(BundleManifest.FORMAT_VERSION, name, version, generation, created, expires,
                    Producer.airlock(), List.of());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
