package io.stellaops.airlock.app.ui.checklist;

import io.stellaops.airlock.app.checklist.CheckOutcome;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One line of the checklist table: a check and its latest outcome, updated on the FX thread. */
public final class CheckRow {
    private final String id;
    private final ReadOnlyObjectWrapper<CheckOutcome> outcome;

    CheckRow(CheckOutcome first) {
        this.id = first.id();
        this.outcome = new ReadOnlyObjectWrapper<>(this, "outcome", first);
    }

    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<CheckOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public CheckOutcome outcome() {
        return outcome.get();
    }

    void update(CheckOutcome next) {
        outcome.set(next);
    }
}
