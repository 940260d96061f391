package io.stellaops.airlock.app.checklist;

/**
 * Told of every state change of every check (to running, then to its final state), on the thread
 * that runs the checklist; a UI hands the outcome over to its own thread.
 */
@FunctionalInterface
public interface ChecklistListener {
    void changed(CheckOutcome outcome);
}
