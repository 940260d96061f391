package io.stellaops.airlock.bundle.io;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes files so that a reader sees either the old content or the new, never a part: content
 * goes to a hidden temporary sibling, is flushed to disk, and is renamed over the target in one
 * atomic step; the folder entry is flushed too. Files meant for key material are created
 * owner-only from the first byte, not narrowed afterwards.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** A new, unique temporary sibling of {@code target}, not yet created. */
    public static Path temporarySibling(Path target) {
        byte[] nonce = new byte[6];
        RANDOM.nextBytes(nonce);
        Path temp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(nonce) + ".partial");
        PendingFiles.register(temp);
        return temp;
    }

    /** Creates an empty file, owner-only ({@code rw-------}) where the file system supports POSIX permissions. */
    public static void createFile(Path file, boolean ownerOnly) throws IOException {
        if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Writes {@code content} to {@code target} atomically. */
    public static void write(Path target, byte[] content, boolean ownerOnly, boolean replace) throws BundleException {
        Path temp = temporarySibling(target);
        try {
            createFile(temp, ownerOnly);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            commit(temp, target, replace);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new BundleException(Failure.UNREADABLE, "cannot write " + target + ": " + describe(e), e);
        }
    }

    /** Flushes {@code temp} to disk and renames it over {@code target} atomically, then flushes the folder. */
    public static void commit(Path temp, Path target, boolean replace) throws IOException {
        fsync(temp);
        if (!replace && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
        }
        PendingFiles.unregister(temp);
        fsyncDirectory(target.toAbsolutePath().getParent());
    }

    public static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes a folder's entries where the platform allows opening a folder (Linux, macOS); elsewhere a no-op. */
    public static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; its rename is already durable enough there.
        }
    }

    public static void deleteQuietly(Path file) {
        PendingFiles.unregister(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: a leftover hidden .partial file is harmless and named as such.
        }
    }

    /** A short reason for an I/O failure, without a stack trace. */
    public static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return switch (type) {
            case "NoSuchFileException" -> "no such file or folder " + e.getMessage();
            case "AccessDeniedException" -> "permission denied on " + e.getMessage();
            case "FileAlreadyExistsException" -> e.getMessage() + " already exists";
            default -> e.getMessage() == null ? type : e.getMessage();
        };
    }
}
