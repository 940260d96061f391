package io.stellaops.airlock.app.cluster;

/**
 * How to apply a plan.
 *
 * @param dryRun        read, diff and have the server dry-run every write; change nothing
 * @param takeOwnership update objects that exist without Airlock's label (they get the label)
 */
public record ApplyOptions(boolean dryRun, boolean takeOwnership) {
}
