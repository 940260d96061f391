package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.app.ui.common.FlowFrameController;
import io.stellaops.airlock.app.ui.common.FxmlLoaderFactory;
import io.stellaops.airlock.app.ui.common.WizardContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Parent;

/**
 * Wires the verify flow: one model per flow, one view per step, the frame around them. Leaving
 * for the start screen cancels a verification in flight; verifying writes nothing, so that is
 * always safe.
 */
public final class VerifyFlow {

    private final VerifyModel model;
    private final Parent root;

    public VerifyFlow(WizardContext context, VerifyService service, Runnable home) {
        ResourceBundle resources = context.resources();
        this.model = new VerifyModel(service, context.executor());
        var steps = new FxmlLoaderFactory(resources, Map.of(
                VerifyChooseController.class, () -> new VerifyChooseController(model),
                VerifyResultController.class, () -> new VerifyResultController(model)));
        Map<VerifyStep, Parent> views = new EnumMap<>(VerifyStep.class);
        for (VerifyStep step : VerifyStep.values()) {
            views.put(step, steps.load(step.view()));
        }
        var frame = new FlowFrameController(context.version(),
                List.of(resources.getString("verify.steps.choose"), resources.getString("verify.steps.result")),
                model.stepIndex(),
                Bindings.createObjectBinding(() -> views.get(model.stepProperty().get()), model.stepProperty()),
                new ReadOnlyBooleanWrapper(true), () -> {
                    model.leave();
                    home.run();
                });
        this.root = new FxmlLoaderFactory(resources, Map.of(FlowFrameController.class, () -> frame)).load("common_frame");
    }

    public Parent root() {
        return root;
    }

    public VerifyModel model() {
        return model;
    }
}
