package io.stellaops.airlock.app.checklist;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's word that an item only a person can check is done.
 *
 * @param by who confirmed, as they gave their name
 * @param at when
 */
public record Confirmation(String by, Instant at) {
    public Confirmation {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        by = Printable.clean(by).strip();
        if (by.isEmpty()) {
            throw new IllegalArgumentException("a confirmation names who confirmed");
        }
    }
}
