package io.stellaops.airlock.bundle.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says about a source file when it is hashed for the manifest: size, device
 * and inode, modification and status-change times. Taken again after the file has been written
 * into the archive, an equal stamp shows the file was not changed in between, which is how GNU tar
 * tells "file changed as we read it": a write sets the change time (ctime), which no tool can set
 * back. So the archive pass need not hash the bytes a second time.
 *
 * <p>Two cases do not rely on it and hash the file again while archiving: a file system without
 * POSIX attributes (no ctime), and a "racy" file (as git calls it) whose times lie within
 * {@link #RACY_WINDOW} of the moment it was stamped, since the kernel keeps these times at the
 * granularity of its clock tick (or two seconds on FAT): a second write in the same tick would
 * leave the stamp unchanged.
 */
record SourceStamp(long size, long device, long inode, long modifiedNanos, long changedNanos, boolean racy) {
    /** Files changed this recently before they were stamped are hashed again while archiving. */
    static final Duration RACY_WINDOW = Duration.ofSeconds(3);

    /** The stamp of {@code file} now, or {@code null} where the file system has no status-change time. */
    static SourceStamp of(Path file) throws IOException {
        return of(file, RACY_WINDOW);
    }

    /** As {@link #of(Path)}, with another window for what counts as racy (tests use zero). */
    static SourceStamp of(Path file, Duration racyWindow) throws IOException {
        Instant now = Instant.now();
        Map<String, Object> unix;
        try {
            // Following links, like the reads it vouches for (the scan already refused links).
            unix = Files.readAttributes(file, "unix:size,dev,ino,lastModifiedTime,ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        FileTime modified = (FileTime) unix.get("lastModifiedTime");
        FileTime changed = (FileTime) unix.get("ctime");
        if (modified == null || changed == null) {
            return null;
        }
        Instant racyAfter = now.minus(racyWindow);
        boolean racy = !modified.toInstant().isBefore(racyAfter) || !changed.toInstant().isBefore(racyAfter);
        return new SourceStamp((Long) unix.get("size"), ((Number) unix.get("dev")).longValue(),
                ((Number) unix.get("ino")).longValue(), modified.to(TimeUnit.NANOSECONDS), changed.to(TimeUnit.NANOSECONDS),
                racy);
    }

    /** Whether this stamp alone can show the file unchanged later (else the archive pass hashes it again). */
    boolean conclusive() {
        return !racy;
    }

    /** Whether {@code later} shows the same file, unchanged. */
    boolean unchangedIn(SourceStamp later) {
        return later != null && size == later.size && device == later.device && inode == later.inode
                && modifiedNanos == later.modifiedNanos && changedNanos == later.changedNanos;
    }
}
