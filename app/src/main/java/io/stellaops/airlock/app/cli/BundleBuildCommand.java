package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.sample.SampleSource;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.build.BuildDefaults;
import io.stellaops.airlock.bundle.build.BuildRequest;
import io.stellaops.airlock.bundle.build.BuildResult;
import io.stellaops.airlock.bundle.build.BundleBuilder;
import io.stellaops.airlock.bundle.manifest.Producer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock bundle build}: a deterministic bundle and its {@code .sha256} sidecar from a source folder. */
@Command(name = "build", sortOptions = false,
        description = {"Build a deterministic telemetry bundle (archive + manifest + .sha256 sidecar).",
            "Two builds of the same folder with the same metadata are byte-identical."})
final class BundleBuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--source", paramLabel = "DIR", description = "Folder to bundle: regular files and folders only.")
        Path folder;

        @Option(names = "--sample", description = "Bundle the embedded sample telemetry-storage folder.")
        boolean sample;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Archive to write; if FILE is an existing folder, <name>-<version>.tar.gz (or .tar.zst) inside it.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Bundle name (default: ${DEFAULT-VALUE}).")
    String name = BuildDefaults.NAME;

    @Option(names = "--version", paramLabel = "VERSION", description = "Bundle version (default: from the creation time, yyyy.MM.dd-HHmmss).")
    String version;

    @Option(names = "--generation", paramLabel = "N", description = "Monotonic generation (default: the creation time in epoch seconds).")
    Long generation;

    @Option(names = "--expires-in", paramLabel = "DURATION", defaultValue = "90d",
            description = "Validity after creation: 90d, 12h, 2w or P90D (default: ${DEFAULT-VALUE}).")
    String expiresIn;

    @Option(names = "--compression", paramLabel = "gzip|zstd", defaultValue = "gzip",
            converter = CompressionConverter.class, description = "Archive compression (default: ${DEFAULT-VALUE}).")
    Compression compression;

    @Option(names = "--created-at", paramLabel = "TIME",
            description = "Creation time and every entry's mtime: RFC 3339 or epoch seconds (default: SOURCE_DATE_EPOCH, else now).")
    String createdAt;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        Instant created = BuildDefaults.createdAt(createdAt, System.getenv("SOURCE_DATE_EPOCH"), Clock.systemUTC());
        String bundleVersion = version != null ? version : BuildDefaults.version(created);
        long bundleGeneration = generation != null ? generation : BuildDefaults.generation(created);
        Instant expires = created.plus(BuildDefaults.parseDuration(expiresIn));
        Path output = Files.isDirectory(out) ? out.resolve(name + "-" + bundleVersion + compression.suffix()) : out;
        if (source.sample) {
            return SampleSource.withCopy(sample -> build(sample, output, created, bundleVersion, bundleGeneration, expires));
        }
        return build(source.folder, output, created, bundleVersion, bundleGeneration, expires);
    }

    private int build(Path folder, Path output, Instant created, String bundleVersion, long bundleGeneration,
            Instant expires) throws BundleException {
        BuildRequest request = new BuildRequest(folder, output, name, bundleVersion, bundleGeneration, created, expires,
                compression, force, Producer.airlock(), Limits.DEFAULT);
        BuildResult result = new BundleBuilder().build(request, ProgressListener.NONE);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Json.print(stdout, BuildJson.of(result));
        } else {
            stdout.printf("Built %s%n", result.archive());
            stdout.printf("  bundle     %s %s (generation %d)%n", result.manifest().name(), result.manifest().version(),
                    result.manifest().generation());
            stdout.printf("  files      %d (%d bytes), archive %d bytes, %s%n", result.manifest().files().size(),
                    result.manifest().totalSize(), result.size(), compression.id());
            stdout.printf("  valid      %s to %s%n", result.manifest().createdAt(), result.manifest().expiresAt());
            stdout.printf("  sha256     %s%n", result.sha256());
            stdout.printf("  sidecar    %s%n", result.sha256Sidecar().getFileName());
        }
        return ExitCodes.OK;
    }

    /** Accepts the compression by its documented name, gzip or zstd. */
    static final class CompressionConverter implements CommandLine.ITypeConverter<Compression> {
        @Override
        public Compression convert(String value) {
            return Compression.fromId(value).orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + value + "' is not gzip or zstd"));
        }
    }
}
