package io.stellaops.airlock.bundle.archive;

import java.io.IOException;

/**
 * Raised inside the decompressed stream when more bytes arrive than the manifest and the hard caps
 * allow at that point. An {@link IOException} so that it passes through the tar parser unchanged;
 * the reader recognises it in the cause chain and reports what was exceeded.
 */
final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final long position;

    LimitExceededException(String reason, long position) {
        super(reason + " (at decompressed byte " + position + ")");
        this.reason = reason;
        this.position = position;
    }

    String reason() {
        return reason;
    }

    long position() {
        return position;
    }
}
