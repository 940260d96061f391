package io.stellaops.airlock.app.ui.checklist;

import io.stellaops.airlock.app.ui.common.FlowFrameController;
import io.stellaops.airlock.app.ui.common.FxmlLoaderFactory;
import io.stellaops.airlock.app.ui.common.WizardContext;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Parent;

/**
 * Wires the checklist job: one model, one screen ({@code checklist_run.fxml}) in the common frame.
 * Home stays disabled while a check runs or a report is written.
 */
public final class ChecklistFlow {
    private final ChecklistModel model;
    private final Parent root;

    public ChecklistFlow(WizardContext context, ChecklistService service, Runnable home) {
        ResourceBundle resources = context.resources();
        this.model = new ChecklistModel(service, context.executor());
        Parent view = new FxmlLoaderFactory(resources, Map.of(
                ChecklistController.class, () -> new ChecklistController(model, context.homeFolder())))
                .load("checklist_run");
        var frame = new FlowFrameController(context.version(), List.of(resources.getString("checklist.steps.run")),
                new SimpleIntegerProperty(0), Bindings.createObjectBinding(() -> view), model.busyProperty().not(), home);
        this.root = new FxmlLoaderFactory(resources, Map.of(FlowFrameController.class, () -> frame)).load("common_frame");
    }

    public Parent root() {
        return root;
    }

    public ChecklistModel model() {
        return model;
    }
}
