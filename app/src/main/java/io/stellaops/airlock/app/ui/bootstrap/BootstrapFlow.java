package io.stellaops.airlock.app.ui.bootstrap;

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
 * Wires the bootstrap flow (reached from the import flow's status step): TLS material, the
 * Authority token, and what comes next. Home stays disabled while material is generated or checked.
 */
public final class BootstrapFlow {

    private final BootstrapModel model;
    private final Parent root;

    public BootstrapFlow(WizardContext context, BootstrapService service, Runnable home) {
        ResourceBundle resources = context.resources();
        this.model = new BootstrapModel(service, context.executor(), resources);
        var steps = new FxmlLoaderFactory(resources, Map.of(
                BootstrapTlsController.class, () -> new BootstrapTlsController(model),
                BootstrapTokenController.class, () -> new BootstrapTokenController(model),
                BootstrapNextController.class, () -> new BootstrapNextController(model)));
        Map<BootstrapStep, Parent> views = new EnumMap<>(BootstrapStep.class);
        for (BootstrapStep step : BootstrapStep.values()) {
            views.put(step, steps.load(step.view()));
        }
        var frame = new FlowFrameController(context.version(),
                List.of(resources.getString("bootstrap.steps.tls"), resources.getString("bootstrap.steps.token"),
                        resources.getString("bootstrap.steps.next")),
                model.stepIndex(),
                Bindings.createObjectBinding(() -> views.get(model.stepProperty().get()), model.stepProperty()),
                model.busyProperty().not(), home);
        this.root = new FxmlLoaderFactory(resources, Map.of(FlowFrameController.class, () -> frame)).load("common_frame");
    }

    public Parent root() {
        return root;
    }

    public BootstrapModel model() {
        return model;
    }
}
