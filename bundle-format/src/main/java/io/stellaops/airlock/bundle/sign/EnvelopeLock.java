package io.stellaops.airlock.bundle.sign;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.io.PendingFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One signer at a time per envelope: {@code FILE.dsse.json.lock}, created exclusively (the way git
 * guards its index) before the envelope is read and removed after it is replaced, so two people
 * countersigning the same bundle at once both end up in it instead of one overwriting the other.
 * The lock names its holder (process, host, time). A second signer waits for it a bounded time; a
 * lock left by a process of this host that no longer runs is reported at once, with the file to
 * delete, rather than removed behind the user's back (removing it races with a third signer).
 * A signal (Ctrl-C) removes the lock through {@link PendingFiles}.
 */
final class EnvelopeLock implements AutoCloseable {
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 25;

    private final Path file;

    private EnvelopeLock(Path file) {
        this.file = file;
    }

    static Path lockFileFor(Path envelopeFile) {
        return envelopeFile.resolveSibling(envelopeFile.getFileName() + ".lock");
    }

    static EnvelopeLock acquire(Path envelopeFile, Duration wait) throws BundleException {
        Path lock = lockFileFor(envelopeFile);
        String host = host();
        String me = ProcessHandle.current().pid() + " " + host;
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                Files.write(lock, (me + " " + Instant.now() + "\n").getBytes(UTF_8), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                PendingFiles.register(lock);
                return new EnvelopeLock(lock);
            } catch (FileAlreadyExistsException e) {
                Optional<String> holder = holder(lock);
                if (holder.isPresent() && isDeadProcessOf(host, holder.get())) {
                    throw new BundleException(Failure.USAGE, "the signature envelope " + envelopeFile.getFileName()
                            + " is locked by process " + holder.get() + ", which no longer runs; delete " + lock
                            + " and sign again");
                }
                if (System.nanoTime() > deadline) {
                    throw new BundleException(Failure.USAGE, "another signer is writing " + envelopeFile.getFileName()
                            + " (" + holder.map(h -> "process " + h).orElse("lock " + lock) + "); sign again when it"
                            + " has finished, or delete " + lock + " if no signer is running");
                }
                sleep();
            } catch (IOException e) {
                throw new BundleException(Failure.UNREADABLE, "cannot lock the signature envelope: cannot create "
                        + lock + ": " + AtomicFiles.describe(e), e);
            }
        }
    }

    @Override
    public void close() {
        AtomicFiles.deleteQuietly(file);
        PendingFiles.unregister(file);
    }

    private static Optional<String> holder(Path lock) {
        try {
            String text = new String(Files.readAllBytes(lock), UTF_8).trim();
            return text.isEmpty() || text.length() > 512 ? Optional.empty() : Optional.of(text);
        } catch (IOException e) { // gone meanwhile, or unreadable: no name to give
            return Optional.empty();
        }
    }

    /** {@code "<pid> <host> <time>"} written by a process of this host that has ended. */
    private static boolean isDeadProcessOf(String host, String holder) {
        String[] parts = holder.split(" ");
        if (parts.length < 2 || !parts[1].equals(host)) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[0]);
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void sleep() throws BundleException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException(Failure.CANCELLED, "signing was interrupted while waiting for the envelope lock");
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replace(' ', '_');
        } catch (IOException e) {
            return "localhost";
        }
    }
}
