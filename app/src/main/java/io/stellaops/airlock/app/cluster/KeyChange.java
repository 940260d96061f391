package io.stellaops.airlock.app.cluster;

import java.util.Optional;

/**
 * How one data key differs between the cluster and the plan, by digest only.
 *
 * @param key     the key name
 * @param change  added, changed, unchanged, or kept (in the cluster only: Airlock leaves it alone)
 * @param live    SHA-256 of the live value, if the key exists in the cluster
 * @param desired SHA-256 of the planned value, if the plan has the key
 */
public record KeyChange(String key, Change change, Optional<String> live, Optional<String> desired) {
    /** The kinds of key change. */
    public enum Change {
        ADDED("+"), CHANGED("~"), UNCHANGED("="), KEPT("?");

        private final String symbol;

        Change(String symbol) {
            this.symbol = symbol;
        }

        /** One character for the text diff. */
        public String symbol() {
            return symbol;
        }
    }
}
