package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.manifest.BundlePath;
import io.stellaops.airlock.bundle.manifest.FileEntry;
import io.stellaops.airlock.bundle.verify.PayloadSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Extracts the files of a verification pass into a private staging folder inside the kit. Only
 * entries the signed manifest lists reach it (the verifier refuses anything else first), their
 * paths have passed {@link BundlePath}'s rules, every folder on the way is one this sink created,
 * and files are created new, never opened through an existing name or link.
 */
final class StagingSink implements PayloadSink {
    private final Path root;
    private final boolean posix;

    StagingSink(Path root) throws IOException {
        this.root = Files.createDirectory(root);
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public OutputStream open(FileEntry entry) throws IOException {
        Path target = root.resolve(entry.path()).normalize();
        if (!target.startsWith(root) || BundlePath.problemOf(entry.path(), Integer.MAX_VALUE) != null) {
            throw new IOException("refusing to extract '" + entry.path() + "' outside the staging folder");
        }
        Path parent = target.getParent();
        for (Path folder = root; !folder.equals(parent); ) {
            folder = folder.resolve(parent.getName(folder.getNameCount()).toString());
            if (Files.isSymbolicLink(folder)) {
                throw new IOException("refusing to extract through a link at " + folder);
            }
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
            }
        }
        OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (posix) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                    entry.mode() == FileEntry.MODE_EXECUTABLE ? "rwxr-xr-x" : "rw-r--r--"));
        }
        // No buffer: the archive reader already writes in chunks of up to 256 KiB, and a buffer per file
        // would be garbage in proportion to the number of files.
        return CrashPoint.countingExtraction(out);
    }
}
