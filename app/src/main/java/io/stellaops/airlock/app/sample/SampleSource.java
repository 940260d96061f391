package io.stellaops.airlock.app.sample;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.TemporaryFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample telemetry-storage source folder embedded in the app, the default of the build flow.
 * It is copied out of the jar into a folder of the caller's choosing, because the builder reads a
 * real folder. A jar keeps no file modes, so shell scripts ({@code .sh}) are made executable on the
 * way out; that keeps bundles of the embedded copy byte-identical to bundles of the repository's
 * {@code samples/telemetry-storage}.
 */
public final class SampleSource {
    static final String RESOURCE = "/io/stellaops/airlock/app/sample/telemetry-storage";

    private SampleSource() {
    }

    /** Work to do on a copy of the sample, such as a build. */
    @FunctionalInterface
    public interface SampleWork<T> {
        T apply(Path sample) throws BundleException;
    }

    /**
     * Runs {@code work} on a copy of the sample in an owner-only temporary folder, deleted afterwards:
     * how both the CLI's {@code --sample} and the wizard's default source build the sample.
     */
    public static <T> T withCopy(SampleWork<T> work) throws BundleException {
        try (TemporaryFolder folder = TemporaryFolder.create("airlock-sample")) {
            return work.apply(copyTo(folder.path()));
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot unpack the embedded sample: " + e.getMessage(), e);
        }
    }

    /** Copies the sample into {@code target} (created if needed) and returns {@code target}. */
    public static Path copyTo(Path target) throws IOException {
        URL url = SampleSource.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("the embedded sample is missing from this build (" + RESOURCE + ")");
        }
        URI uri = toUri(url);
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(jar.getPath(RESOURCE), target);
            }
        } else {
            copyTree(Path.of(uri), target);
        }
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            Path destination = to.resolve(from.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(destination);
                continue;
            }
            Files.copy(path, destination);
            boolean script = destination.getFileName().toString().endsWith(".sh");
            if (destination.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString(script ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("bad resource URL " + url, e));
        }
    }
}
