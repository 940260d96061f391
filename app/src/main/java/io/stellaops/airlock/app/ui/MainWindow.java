package io.stellaops.airlock.app.ui;

import io.stellaops.airlock.app.ui.bootstrap.BootstrapFlow;
import io.stellaops.airlock.app.ui.bootstrap.BootstrapModel;
import io.stellaops.airlock.app.ui.bootstrap.BootstrapService;
import io.stellaops.airlock.app.ui.bootstrap.ClusterModel;
import io.stellaops.airlock.app.ui.bootstrap.ClusterService;
import io.stellaops.airlock.app.ui.build.BuildFlow;
import io.stellaops.airlock.app.ui.build.BuildService;
import io.stellaops.airlock.app.ui.checklist.ChecklistFlow;
import io.stellaops.airlock.app.ui.checklist.ChecklistService;
import io.stellaops.airlock.app.ui.common.FxmlLoaderFactory;
import io.stellaops.airlock.app.ui.common.Theme;
import io.stellaops.airlock.app.ui.common.ThemeToggle;
import io.stellaops.airlock.app.ui.common.UserSettings;
import io.stellaops.airlock.app.ui.verify.TrustChoice;
import io.stellaops.airlock.app.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
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
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
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
    private static final String TLS_FOLDER = "tls";
    private static final String BUNDLE_FOLDER = "bundle";
    private static final String SOURCE_FOLDER = "source";
    private static final String KEY_FOLDER = "key";
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
    private ChecklistFlow checklistFlow;

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
        ThemeToggle.install(startView, context.resources(), context.settings());
        startModel.selectedJobProperty().addListener((observable, previous, job) -> setRoot(viewFor(job)));
        stage.setTitle(context.resources().getString("app.title"));
        // The application icon of icons/, in every size, so the desktop picks the one it needs.
        stage.getIcons().setAll(IconImages.window());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setWidth(INITIAL_WIDTH);
        stage.setHeight(INITIAL_HEIGHT);
        stage.setScene(scene);
        applyTheme(themeOf(context.settings().get()));
        context.settings().settingsProperty().addListener((observable, previous, now) -> {
            if (!now.theme().equals(previous.theme())) {
                applyTheme(themeOf(now));
            }
        });
    }

    private static Theme themeOf(Settings settings) {
        return Settings.DARK.equals(settings.theme()) ? Theme.DARK : Theme.LIGHT;
    }

    /** Shows {@code root}, with the theme switch in its left column. */
    private void setRoot(Parent root) {
        if (root != startView) {
            ThemeToggle.install(root, context.resources(), context.settings());
        }
        scene.setRoot(root);
    }

    private Parent viewFor(Job job) {
        buildFlow = null;
        verifyFlow = null;
        importFlow = null;
        bootstrapFlow = null;
        checklistFlow = null;
        if (job == null) {
            return startView;
        }
        return switch (job) {
            case BUILD -> {
                buildFlow = new BuildFlow(context, builds, startModel::clear);
                rememberFolder(SOURCE_FOLDER, buildFlow.model().browseFolderProperty(), buildFlow.model().sourceFolderProperty());
                rememberFolder(KEY_FOLDER, buildFlow.sign().keyFolderProperty(),
                        buildFlow.sign().keyFileProperty().map(file -> file.toAbsolutePath().getParent()));
                yield buildFlow.root();
            }
            case VERIFY -> {
                verifyFlow = new VerifyFlow(context, verifications, startModel::clear);
                rememberTrust(verifyFlow.model().trust());
                rememberBundleFolder(verifyFlow.model().bundleFolderProperty());
                yield verifyFlow.root();
            }
            case IMPORT -> {
                importFlow = new ImportFlow(context, new KitService(context.clock()), startModel::clear, this::bootstrap);
                rememberKit(importFlow);
                yield importFlow.root();
            }
            case CHECKLIST -> {
                checklistFlow = new ChecklistFlow(context, new ChecklistService(context.clock()), startModel::clear);
                yield checklistFlow.root();
            }
        };
    }

    /** The import job's second part: the bootstrap flow, whose Home leads back to the start screen. */
    private void bootstrap() {
        Path kit = importFlow == null ? null : importFlow.model().kitProperty().get();
        importFlow = null;
        bootstrapFlow = new BootstrapFlow(context, new BootstrapService(context.clock(), new SecureRandom()),
                new ClusterService(context.clock(), System.getenv(), context.homeFolder()), startModel::clear,
                this::checklist);
        rememberTlsFolder(bootstrapFlow.model());
        rememberCluster(bootstrapFlow.model().cluster(), kit);
        setRoot(bootstrapFlow.root());
    }

    /** The bootstrap's last part, after apply: the operational checklist, whose Home leads back to the start screen. */
    private void checklist() {
        bootstrapFlow = null;
        checklistFlow = new ChecklistFlow(context, new ChecklistService(context.clock()), startModel::clear);
        setRoot(checklistFlow.root());
    }

    /** Offers the TLS folder used last (its files are checked on request), and remembers the one chosen. */
    private void rememberTlsFolder(BootstrapModel model) {
        UserSettings settings = context.settings();
        settings.get().folder(TLS_FOLDER).filter(Files::isDirectory).ifPresent(model::chooseFolder);
        model.folderProperty().addListener((observable, previous, folder) -> {
            if (folder != null) {
                settings.update(s -> s.withFolder(TLS_FOLDER, folder));
            }
        });
    }

    /** Offers the last kit and trust policy, and remembers the ones chosen. */
    private void rememberKit(ImportFlow flow) {
        UserSettings settings = context.settings();
        settings.get().kit().filter(Files::isDirectory).ifPresent(flow.model()::chooseKit);
        flow.model().kitProperty().addListener((observable, previous, kit) -> {
            if (kit != null) {
                settings.update(s -> s.withKit(kit));
            }
        });
        rememberTrust(flow.model().trust());
        rememberBundleFolder(flow.model().bundleFolderProperty());
    }

    /** Offers the folder last used for PURPOSE to a chooser, and remembers each one chosen. */
    private void rememberFolder(String purpose, ObjectProperty<Path> offered, ObservableValue<Path> chosen) {
        UserSettings settings = context.settings();
        settings.get().folder(purpose).filter(Files::isDirectory).ifPresent(offered::set);
        chosen.addListener((observable, previous, folder) -> {
            if (folder != null) {
                settings.update(s -> s.withFolder(purpose, folder));
            }
        });
    }

    private void rememberBundleFolder(ObjectProperty<Path> folder) {
        UserSettings settings = context.settings();
        settings.get().folder(BUNDLE_FOLDER).filter(Files::isDirectory).ifPresent(folder::set);
        folder.addListener((observable, previous, chosen) -> {
            if (chosen != null) {
                settings.update(s -> s.withFolder(BUNDLE_FOLDER, chosen));
            }
        });
    }

    private void rememberTrust(TrustChoice trust) {
        UserSettings settings = context.settings();
        settings.get().trustPolicy().filter(Files::exists).ifPresent(trust::choose);
        trust.sourceProperty().addListener((observable, previous, source) -> {
            if (source != null) {
                settings.update(s -> s.withTrustPolicy(source));
            }
        });
    }

    /**
     * Offers the kit of the import flow as the source of the bundle files, and the last kubeconfig and
     * context (else {@code KUBECONFIG}'s first file or {@code ~/.kube/config}); remembers the ones chosen.
     */
    private void rememberCluster(ClusterModel cluster, Path kit) {
        UserSettings settings = context.settings();
        if (kit != null) {
            cluster.sourceProperty().set(kit);
        }
        defaultKubeconfig(settings.get()).ifPresent(file -> cluster.chooseKubeconfig(file,
                settings.get().context().orElse(null)));
        Runnable save = () -> {
            if (cluster.kubeconfigProperty().get() != null && cluster.contextProperty().get() != null) {
                settings.update(s -> s.withCluster(cluster.kubeconfigProperty().get(), cluster.contextProperty().get()));
            }
        };
        cluster.kubeconfigProperty().addListener((observable, previous, file) -> save.run());
        cluster.contextProperty().addListener((observable, previous, name) -> save.run());
    }

    private Optional<Path> defaultKubeconfig(Settings settings) {
        if (settings.kubeconfig().filter(Files::isRegularFile).isPresent()) {
            return settings.kubeconfig();
        }
        String list = System.getenv("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            for (String entry : list.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank() && Files.isRegularFile(Path.of(entry))) {
                    return Optional.of(Path.of(entry));
                }
            }
        }
        Path standard = context.homeFolder().resolve(".kube").resolve("config");
        return Files.isRegularFile(standard) ? Optional.of(standard) : Optional.empty();
    }

    public void show() {
        stage.show();
    }

    /** Switches the theme as the switch in the left column does: the window follows and the choice is saved. */
    public void useTheme(Theme theme) {
        context.settings().update(s -> s.withTheme(theme == Theme.DARK ? Settings.DARK : Settings.LIGHT));
    }

    private void applyTheme(Theme theme) {
        scene.getStylesheets().setAll(theme.stylesheets());
    }

    public WizardContext context() {
        return context;
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

    /** The checklist flow on screen, if that is the chosen job. */
    public Optional<ChecklistFlow> checklistFlow() {
        return Optional.ofNullable(checklistFlow);
    }

    /** The verify flow on screen, if that is the chosen job. */
    public Optional<VerifyFlow> verifyFlow() {
        return Optional.ofNullable(verifyFlow);
    }
}
