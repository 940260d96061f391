package io.stellaops.airlock.app.ui.kitimport;

import io.stellaops.airlock.app.ui.common.FlowFrameController;
import io.stellaops.airlock.app.ui.common.FxmlLoaderFactory;
import io.stellaops.airlock.app.ui.common.WizardContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;

/**
 * Wires the import flow: one model per flow, one view per step, the frame around them. Home
 * stays disabled while an import or rollback runs, so that leaving never hides one in flight.
 */
public final class ImportFlow {

    private final ImportModel model;
    private final Parent root;

    public ImportFlow(WizardContext context, KitService service, Runnable home) {
        this(context, service, home, () -> { });
    }

    /** @param bootstrap leads to the bootstrap flow, from the status step */
    public ImportFlow(WizardContext context, KitService service, Runnable home, Runnable bootstrap) {
        ResourceBundle resources = context.resources();
        this.model = new ImportModel(service, context.executor());
        var steps = new FxmlLoaderFactory(resources, Map.of(
                ImportRunController.class, () -> new ImportRunController(model),
                ImportStatusController.class, () -> new ImportStatusController(model, bootstrap)));
        Map<ImportStep, Parent> views = new EnumMap<>(ImportStep.class);
        for (ImportStep step : ImportStep.values()) {
            views.put(step, steps.load(step.view()));
        }
        var frame = new FlowFrameController(context.version(),
                List.of(resources.getString("import.steps.import"), resources.getString("import.steps.status")),
                model.stepIndex(),
                Bindings.createObjectBinding(() -> views.get(model.stepProperty().get()), model.stepProperty()),
                model.busyProperty().not(), home);
        this.root = new FxmlLoaderFactory(resources, Map.of(FlowFrameController.class, () -> frame)).load("common_frame");
    }

    public Parent root() {
        return root;
    }

    public ImportModel model() {
        return model;
    }
}
