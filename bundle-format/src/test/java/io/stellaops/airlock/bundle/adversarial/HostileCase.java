package io.stellaops.airlock.bundle.adversarial;

import io.stellaops.airlock.bundle.Failure;
import java.nio.file.Path;

/**
 * One input of the hostile corpus: how to make it, and the refusal it must meet in both
 * {@code bundle verify} and {@code kit import}.
 *
 * @param id       a stable name, also the folder of the generated input
 * @param category the row of the list it covers (traversal, links, bombs...)
 * @param attack   what the input tries, in one line
 * @param failure  the refusal expected; its exit code is {@link Failure#exitCode()}
 * @param message  a part of the message the refusal must carry
 * @param maker    writes the archive (and its envelope) into a folder and returns the archive
 */
record HostileCase(String id, String category, String attack, Failure failure, String message, Maker maker) {

    /** Writes one hostile input. */
    @FunctionalInterface
    interface Maker {
        Path make(Path folder, CorpusKeys keys) throws Exception;
    }

    @Override
    public String toString() {
        return id;
    }
}
