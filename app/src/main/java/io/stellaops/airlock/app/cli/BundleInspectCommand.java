package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.inspect.BundleInspector;
import io.stellaops.airlock.bundle.inspect.InspectedBundle;
import io.stellaops.airlock.bundle.manifest.BundleManifest;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import io.stellaops.airlock.bundle.verify.ReportJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock bundle inspect}: the manifest's metadata and file table, without extracting anything. */
@Command(name = "inspect", sortOptions = false,
        description = {"Show a bundle's metadata and file table, read from its manifest without extracting anything.",
            "Nothing is verified: use 'airlock bundle verify' before trusting what it shows."})
final class BundleInspectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The bundle archive (.tar.gz or .tar.zst).")
    Path archive;

    @Option(names = "--json", description = "Print the metadata and file table as JSON.")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws BundleException {
        InspectedBundle inspected = new BundleInspector(Limits.DEFAULT).inspect(archive);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, ReportJson.inspection(inspected));
            return ExitCodes.OK;
        }
        BundleManifest manifest = inspected.manifest();
        out.printf("Bundle      %s %s%n", manifest.name(), manifest.version());
        out.printf("Generation  %d%n", manifest.generation());
        out.printf("Created     %s%n", manifest.createdAt());
        out.printf("Expires     %s (%s)%n", manifest.expiresAt(), remaining(manifest.expiresAt()));
        out.printf("Producer    %s %s%n", manifest.producer().name(), manifest.producer().version());
        out.printf("Archive     %s (%s, %d bytes)%n", inspected.archiveName(), inspected.compression().id(), inspected.archiveSize());
        out.printf("Manifest    sha256 %s%n", inspected.manifestSha256());
        out.printf("Files       %d, %d bytes%n", manifest.files().size(), manifest.totalSize());
        out.println("Not verified: inspect reads the manifest only. Run 'airlock bundle verify' before trusting it.");
        out.println();
        FileTable.print(out, manifest.files(), FileEntry::path, null);
        return ExitCodes.OK;
    }

    private static String remaining(Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        if (left.isNegative() || left.isZero()) {
            return "expired";
        }
        return left.toDays() > 0 ? "in " + left.toDays() + " days" : "in " + left.toHours() + " hours";
    }
}
