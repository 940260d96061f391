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
 * Authority token, the cluster connection, and the plan with dry run, apply and export; from the
 * plan, the operational checklist follows. Home stays disabled while work runs.
 */
public final class BootstrapFlow {

    private final BootstrapModel model;
    private final Parent root;

    /** @param checklist opens the checklist flow in place of this one */
    public BootstrapFlow(WizardContext context, BootstrapService service, ClusterService cluster, Runnable home,
            Runnable checklist) {
        ResourceBundle resources = context.resources();
        this.model = new BootstrapModel(service, cluster, context.executor(), resources);
        var steps = new FxmlLoaderFactory(resources, Map.of(
                BootstrapTlsController.class, () -> new BootstrapTlsController(model),
                BootstrapTokenController.class, () -> new BootstrapTokenController(model),
                BootstrapClusterController.class, () -> new BootstrapClusterController(model),
                BootstrapPlanController.class, () -> new BootstrapPlanController(model, checklist)));
        Map<BootstrapStep, Parent> views = new EnumMap<>(BootstrapStep.class);
        for (BootstrapStep step : BootstrapStep.values()) {
            views.put(step, steps.load(step.view()));
        }
        var frame = new FlowFrameController(context.version(),
                List.of(resources.getString("bootstrap.steps.tls"), resources.getString("bootstrap.steps.token"),
                        resources.getString("bootstrap.steps.cluster"), resources.getString("bootstrap.steps.plan")),
                model.stepIndex(),
                Bindings.createObjectBinding(() -> views.get(model.stepProperty().get()), model.stepProperty()),
                model.busyProperty().or(model.cluster().busyProperty()).not(), home);
        this.root = new FxmlLoaderFactory(resources, Map.of(FlowFrameController.class, () -> frame)).load("common_frame");
    }

    public Parent root() {
        return root;
    }

    public BootstrapModel model() {
        return model;
    }
}
