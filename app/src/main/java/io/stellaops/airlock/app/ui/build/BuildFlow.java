package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.app.ui.common.FlowFrameController;
import io.stellaops.airlock.app.ui.common.FxmlLoaderFactory;
import io.stellaops.airlock.app.ui.common.WizardContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Parent;

/**
 * Wires the build flow: one model and one run per flow, one view per step, the frame with the
 * step list around them. Opening the flow again from the start screen makes a new one, with fresh
 * defaults (a new creation time and so a new generation).
 */
public final class BuildFlow {

    private final BuildModel model;
    private final BuildRun run;
    private final Parent root;

    public BuildFlow(WizardContext context, BuildService service, Runnable home) {
        ResourceBundle resources = context.resources();
        var rules = new MetadataRules(context.clock(), context.sourceDateEpoch(),
                resources.getString("build.metadata.generation.notANumber"));
        this.model = new BuildModel(rules, context.homeFolder());
        this.run = new BuildRun(model, new BuildJob(service, rules), context.executor());
        var steps = new FxmlLoaderFactory(resources, Map.of(
                BuildSourceController.class, () -> new BuildSourceController(model),
                BuildMetadataController.class, () -> new BuildMetadataController(model),
                BuildOutputController.class, () -> new BuildOutputController(model, run),
                BuildRunController.class, () -> new BuildRunController(model, run)));
        Map<BuildStep, Parent> views = new EnumMap<>(BuildStep.class);
        for (BuildStep step : BuildStep.values()) {
            views.put(step, steps.load(step.view()));
        }
        var frame = new FlowFrameController(context.version(),
                List.of(resources.getString("build.steps.source"), resources.getString("build.steps.metadata"),
                        resources.getString("build.steps.output"), resources.getString("build.steps.run")),
                model.stepIndex(),
                Bindings.createObjectBinding(() -> views.get(model.stepProperty().get()), model.stepProperty()),
                canLeave(), home);
        this.root = new FxmlLoaderFactory(resources, Map.of(FlowFrameController.class, () -> frame)).load("common_frame");
    }

    public Parent root() {
        return root;
    }

    /** Home stays disabled while a build runs: cancel it first, so that leaving never strands a half-written file. */
    public BooleanBinding canLeave() {
        return run.busyProperty().not();
    }

    public BuildModel model() {
        return model;
    }

    public BuildRun run() {
        return run;
    }
}
