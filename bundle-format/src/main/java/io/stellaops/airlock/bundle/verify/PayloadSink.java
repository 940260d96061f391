package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.manifest.FileEntry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Receives each payload file's bytes during the single verification pass, for example to extract
 * them into a temporary folder. A file's bytes are only trustworthy once the pass has ended without
 * an exception: the sink must keep them out of live paths until then.
 */
@FunctionalInterface
public interface PayloadSink {
    /** Discards the content: verification only. */
    PayloadSink DISCARD = entry -> OutputStream.nullOutputStream();

    /** Opens the destination of one listed file; the verifier closes it after the file's last byte. */
    OutputStream open(FileEntry entry) throws IOException;
}
