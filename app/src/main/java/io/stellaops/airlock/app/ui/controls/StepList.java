package io.stellaops.airlock.app.ui.controls;

import javafx.beans.InvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * The numbered steps of a flow in the left column, with the current one highlighted and the ones
 * before it marked done ({@code .step}, {@code .step-current}, {@code .step-done}). Each step also
 * carries the matching icon of {@code icons/src/ui} (step-done, step-current, step-todo), so that
 * its state does not rest on colour alone.
 */
public final class StepList extends VBox {

    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final IntegerProperty current = new SimpleIntegerProperty(this, "current", 0);

    public StepList() {
        getStyleClass().add("step-list");
        steps.addListener((InvalidationListener) observable -> rebuild());
        current.addListener(observable -> restyle());
    }

    /** The step titles, in order, without numbers. */
    public ObservableList<String> getSteps() {
        return steps;
    }

    /** Index of the step the user is on. */
    public IntegerProperty currentProperty() {
        return current;
    }

    private void rebuild() {
        getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            var label = new Label((i + 1) + "  " + steps.get(i));
            label.setMaxWidth(Double.MAX_VALUE);
            label.setWrapText(true);
            label.setGraphic(new ImageView());
            label.setGraphicTextGap(8);
            getChildren().add(label);
        }
        restyle();
    }

    private void restyle() {
        for (int i = 0; i < getChildren().size(); i++) {
            var classes = getChildren().get(i).getStyleClass();
            classes.removeAll("step", "step-current", "step-done");
            classes.add("step");
            String state = "step-todo";
            if (i < current.get()) {
                state = "step-done";
            } else if (i == current.get()) {
                state = "step-current";
            }
            if (!state.equals("step-todo")) {
                classes.add(state);
            }
            ((ImageView) ((Label) getChildren().get(i)).getGraphic()).setImage(IconImages.named(state));
        }
    }
}
