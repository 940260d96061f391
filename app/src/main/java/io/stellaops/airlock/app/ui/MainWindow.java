package io.stellaops.airlock.app.ui;

import io.stellaops.airlock.app.ui.bootstrap.BootstrapFlow;
import io.stellaops.airlock.app.ui.bootstrap.BootstrapService;
import io.stellaops.airlock.app.ui.build.BuildFlow;
import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.ui.common.FxmlLoaderFactory;
import io.stellaops.airlock.app.ui.common.Theme;
import io.stellaops.airlock.app.ui.common.WizardContext;
import io.stellaops.airlock.app.ui.controls.IconImages;
import io.stellaops.airlock.app.ui.kitimport.ImportFlow;
import io.stellaops.airlock.app.ui.kitimport.KitService;
import io.stellaops.airlock.app.ui.start.Job;
import io.stellaops.airlock.app.ui.start.StartController;
import io.stellaops.airlock.app.ui.start.StartModel;
import io.stellaops.airlock.app.ui.verify.VerifyFlow;
import io.stellaops.airlock.app.ui.verify.VerifyService;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Wires the wizard window: the start screen, and the flow of the job chosen there (build,
 * verify, import, and bootstrap from import's status step). Each time a job is chosen its flow is made afresh;
 * its Home button clears the choice, which brings the start screen back.
 *
 * <p>Navigation lives here rather than in the controllers so that a controller only writes
 * the model and never needs to know which view comes next.
 */
public final class MainWindow {

    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 640;
    private static final double INITIAL_WIDTH = 1024;
    private static final double INITIAL_HEIGHT = 700;

    private final Stage stage;
    private final WizardContext context;
    private final BuildService builds;
    private final VerifyService verifications;
    private final StartModel startModel = new StartModel();
    private final Parent startView;
    private final Scene scene;
    private BuildFlow buildFlow;
    private VerifyFlow verifyFlow;
    private ImportFlow importFlow;
    private BootstrapFlow bootstrapFlow;

    public MainWindow(Stage stage, WizardContext context, BuildService builds, VerifyService verifications) {
        this.stage = stage;
        this.context = context;
        this.builds = builds;
        this.verifications = verifications;
        var fxml = new FxmlLoaderFactory(context.resources(), Map.of(
                StartController.class, () -> new StartController(startModel, context.version())));
        this.startView = fxml.load("start_main");
        // One scene whose root is swapped per view: a second Scene set on a window that is
        // already showing kept its root at preferred size instead of filling the window.
        this.scene = new Scene(startView);
        startModel.selectedJobProperty().addListener((observable, previous, job) -> scene.setRoot(viewFor(job)));
        stage.setTitle(context.resources().getString("app.title"));
        // The application icon of icons/, in every size, so the desktop picks the one it needs.
        stage.getIcons().setAll(IconImages.window());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setWidth(INITIAL_WIDTH);
        stage.setHeight(INITIAL_HEIGHT);
        stage.setScene(scene);
        useTheme(Theme.LIGHT);
    }

    private Parent viewFor(Job job) {
        buildFlow = null;
        verifyFlow = null;
        importFlow = null;
        bootstrapFlow = null;
        if (job == null) {
            return startView;
        }
        return switch (job) {
            case BUILD -> {
                buildFlow = new BuildFlow(context, builds, startModel::clear);
                yield buildFlow.root();
            }
            case VERIFY -> {
                verifyFlow = new VerifyFlow(context, verifications, startModel::clear);
                yield verifyFlow.root();
            }
            case IMPORT -> {
                importFlow = new ImportFlow(context, new KitService(context.clock()), startModel::clear, this::bootstrap);
                yield importFlow.root();
            }
        };
    }

    /** The import job's second part: the bootstrap flow, whose Home leads back to the start screen. */
    private void bootstrap() {
        importFlow = null;
        bootstrapFlow = new BootstrapFlow(context, new BootstrapService(context.clock(), new SecureRandom()),
                startModel::clear);
        scene.setRoot(bootstrapFlow.root());
    }

    public void show() {
        stage.show();
    }

    public void useTheme(Theme theme) {
        scene.getStylesheets().setAll(theme.stylesheets());
    }

    public StartModel startModel() {
        return startModel;
    }

    /** The build flow on screen, if that is the chosen job. */
    public Optional<BuildFlow> buildFlow() {
        return Optional.ofNullable(buildFlow);
    }

    /** The import flow on screen, if that is the chosen job. */
    public Optional<ImportFlow> importFlow() {
        return Optional.ofNullable(importFlow);
    }

    /** The bootstrap flow on screen, if the import job went on to it. */
    public Optional<BootstrapFlow> bootstrapFlow() {
        return Optional.ofNullable(bootstrapFlow);
    }

    /** The verify flow on screen, if that is the chosen job. */
    public Optional<VerifyFlow> verifyFlow() {
        return Optional.ofNullable(verifyFlow);
    }
}
