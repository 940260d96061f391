package io.stellaops.airlock.bundle.build;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the files of a source folder for a bundle: regular files only, in byte order of path.
 * Anything else (a symbolic link, a device, a FIFO, a socket, an unreadable file or folder, a name
 * outside the portable set, two names that differ only in case) is refused with its path, so that
 * a bundle never silently differs from the folder it was built from. Empty folders carry nothing
 * and are not recorded.
 */
public final class SourceScanner {
    private final Limits limits;

    public SourceScanner(Limits limits) {
        this.limits = limits;
    }

    public List<SourceFile> scan(Path source) throws BundleException {
        Path root = requireFolder(source);
        List<SourceFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new Visitor(root, files));
        } catch (UncheckedIOException e) {
            throw new BundleException(Failure.UNREADABLE, e.getMessage(), e.getCause());
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot read source folder " + source + ": "
                    + AtomicFiles.describe(e), e);
        } catch (RefusedPath e) {
            throw e.exception;
        }
        files.sort(Comparator.comparing(SourceFile::path, BundlePath.BYTE_ORDER));
        checkCollisionsAndLimits(files);
        return files;
    }

    private static Path requireFolder(Path source) throws BundleException {
        if (!Files.exists(source)) {
            throw new BundleException(Failure.UNREADABLE, "source folder " + source + " does not exist");
        }
        if (!Files.isDirectory(source)) {
            throw new BundleException(Failure.UNREADABLE, "source " + source + " is not a folder");
        }
        if (!Files.isReadable(source) || !Files.isExecutable(source)) {
            throw new BundleException(Failure.UNREADABLE, "source folder " + source + " cannot be read: permission denied");
        }
        try {
            return source.toRealPath();
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot resolve source folder " + source + ": "
                    + AtomicFiles.describe(e), e);
        }
    }

    private void checkCollisionsAndLimits(List<SourceFile> files) throws BundleException {
        if (files.size() > limits.maxEntries()) {
            throw new BundleException(Failure.REFUSED, "source holds " + files.size() + " files, more than the limit of "
                    + limits.maxEntries());
        }
        Map<String, String> folded = new HashMap<>();
        long total = 0;
        for (SourceFile file : files) {
            String other = folded.put(BundlePath.caseFoldKey(file.path()), file.path());
            if (other != null) {
                throw new BundleException(Failure.REFUSED, "source files '" + other + "' and '" + file.path()
                        + "' differ only in case and would collide on case-insensitive file systems");
            }
            if (file.size() > limits.maxFileBytes()) {
                throw new BundleException(Failure.REFUSED, "source file '" + file.path() + "' is " + file.size()
                        + " bytes, over the per-file limit of " + limits.maxFileBytes());
            }
            total += file.size();
            if (total > limits.maxTotalBytes()) {
                throw new BundleException(Failure.REFUSED, "source holds more than " + limits.maxTotalBytes()
                        + " bytes, over the bundle limit");
            }
        }
    }

    /** Carries a refusal out of the visitor, whose methods may only throw IOException. */
    private static final class RefusedPath extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient BundleException exception;

        RefusedPath(BundleException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }

    private final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<SourceFile> files;

        Visitor(Path root, List<SourceFile> files) {
            this.root = root;
            this.files = files;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && (!Files.isReadable(dir) || !Files.isExecutable(dir))) {
                throw refused(Failure.UNREADABLE, "source folder '" + relative(dir) + "' cannot be read: permission denied");
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String path = relative(file);
            if (attrs.isSymbolicLink()) {
                throw refused(Failure.REFUSED, "source '" + path + "' is a symbolic link; bundles hold regular files and folders only");
            }
            if (!attrs.isRegularFile()) {
                throw refused(Failure.REFUSED, "source '" + path + "' is not a regular file (device, FIFO or socket); "
                        + "bundles hold regular files and folders only");
            }
            if (!Files.isReadable(file)) {
                throw refused(Failure.UNREADABLE, "source file '" + path + "' cannot be read: permission denied");
            }
            try {
                BundlePath.check(path, limits.maxPathBytes());
            } catch (BundleException e) {
                throw new RefusedPath(new BundleException(Failure.REFUSED, "source " + e.getMessage()));
            }
            files.add(new SourceFile(path, file, attrs.size(), isExecutable(file)));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            throw refused(Failure.UNREADABLE, "source '" + relative(file) + "' cannot be read: " + AtomicFiles.describe(e));
        }

        private String relative(Path path) {
            StringBuilder out = new StringBuilder();
            for (Path part : root.relativize(path)) {
                out.append(out.length() == 0 ? "" : "/").append(part);
            }
            return out.toString();
        }

        private RefusedPath refused(Failure failure, String message) {
            return new RefusedPath(new BundleException(failure, message));
        }
    }

    private static boolean isExecutable(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                    || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                    || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            // Without POSIX permissions (Windows) only a shell script's name says it is meant to run.
            return file.getFileName().toString().endsWith(".sh");
        }
    }
}
