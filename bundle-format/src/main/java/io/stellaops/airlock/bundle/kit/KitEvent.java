package io.stellaops.airlock.bundle.kit;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the kit's history: what was done to which generation, when, and why if forced.
 *
 * @param at         when
 * @param action     {@code imported}, {@code rolled-back}
 * @param generation the generation made active
 * @param directory  its folder name
 * @param reason     the operator's reason, when one was required
 */
public record KitEvent(Instant at, String action, long generation, String directory, Optional<String> reason) {
}
