package io.stellaops.airlock.app.ui.start;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the operator chose on the start screen. One instance per wizard window; the window
 * watches {@link #selectedJobProperty()} to move between steps.
 */
public final class StartModel {

    private final ObjectProperty<Job> selectedJob = new SimpleObjectProperty<>(this, "selectedJob");

    /** The chosen job, or {@code null} while the operator is still on the start screen. */
    public ObjectProperty<Job> selectedJobProperty() {
        return selectedJob;
    }

    public Job getSelectedJob() {
        return selectedJob.get();
    }

    public void select(Job job) {
        selectedJob.set(job);
    }

    /** Back to the start screen. */
    public void clear() {
        selectedJob.set(null);
    }
}
