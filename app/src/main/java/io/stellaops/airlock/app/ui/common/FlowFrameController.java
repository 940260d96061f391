package io.stellaops.airlock.app.ui.common;

import io.stellaops.airlock.app.ui.controls.StepList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import java.util.ResourceBundle;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The frame around every step of a flow ({@code common_frame.fxml}): the left column names the
 * flow's steps and marks the current one, the centre shows the current step's view, and Home
 * leads back to the start screen when the flow allows leaving.
 */
public final class FlowFrameController {

    private final String version;
    private final List<String> steps;
    private final ObservableIntegerValue currentStep;
    private final ObservableValue<? extends Node> currentView;
    private final ObservableBooleanValue canLeave;
    private final Runnable home;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Label versionLabel;
    @FXML
    private StepList stepList;
    @FXML
    private StackPane content;
    @FXML
    private Button homeButton;

    public FlowFrameController(String version, List<String> steps, ObservableIntegerValue currentStep,
            ObservableValue<? extends Node> currentView, ObservableBooleanValue canLeave, Runnable home) {
        this.version = version;
        this.steps = List.copyOf(steps);
        this.currentStep = currentStep;
        this.currentView = currentView;
        this.canLeave = canLeave;
        this.home = home;
    }

    @FXML
    private void initialize() {
        versionLabel.setText(UiStrings.format(resources, "start.main.version", version));
        stepList.getSteps().setAll(steps);
        stepList.currentProperty().bind(currentStep);
        homeButton.disableProperty().bind(Bindings.not(canLeave));
        show(currentView.getValue());
        currentView.addListener((observable, previous, view) -> show(view));
        // The first step is shown before the frame is in a scene; focus it once it is.
        content.sceneProperty().addListener((observable, previous, scene) -> {
            if (scene != null) {
                firstControl(currentView.getValue()).ifPresent(Node::requestFocus);
            }
        });
    }

    private void show(Node view) {
        content.getChildren().setAll(view);
        firstControl(view).ifPresent(Node::requestFocus);
    }

    /** Where the keyboard starts on a step: its first enabled, visible control, not the Home button. */
    private static Optional<Node> firstControl(Node view) {
        return view.lookupAll("*").stream()
                .filter(node -> node.isFocusTraversable() && !node.isDisabled() && shown(node, view))
                .findFirst();
    }

    private static boolean shown(Node node, Node view) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
            if (at == view) {
                return true;
            }
        }
        return true;
    }

    @FXML
    private void goHome() {
        home.run();
    }
}
