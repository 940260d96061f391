package io.stellaops.airlock.bundle.kit;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One change to a kit at a time. An operating-system lock on {@code .state/lock}, which the kernel
 * releases when the holder dies, so a crashed import never leaves the kit locked; the file names the
 * holder (process, host, operation, time) so that a refused second import can say who holds it.
 */
public final class KitLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private KitLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static KitLock acquire(KitLayout layout, String operation) throws BundleException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(layout.lockFile()), UTF_8).trim();
                channel.close();
                throw new BundleException(Failure.USAGE, "the kit " + layout.root() + " is busy: "
                        + (holder.isEmpty() ? "another Airlock process holds its lock" : "locked by " + holder)
                        + "; wait for it to finish");
            }
            String holder = operation + " (pid " + ProcessHandle.current().pid() + " on " + host() + ", since "
                    + Instant.now() + ")";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(UTF_8)), 0);
            channel.force(true);
            return new KitLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BundleException(Failure.UNREADABLE, "cannot lock the kit at " + layout.lockFile() + ": "
                    + AtomicFiles.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // The kernel releases the lock when the channel closes below, whatever happened here.
        }
        closeQuietly(channel);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more to release.
            }
        }
    }
}
