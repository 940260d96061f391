package io.stellaops.airlock.app.ui;

import io.stellaops.airlock.app.ui.common.FxmlLoaderFactory;
import io.stellaops.airlock.app.ui.common.Theme;
import io.stellaops.airlock.app.ui.start.StartController;
import io.stellaops.airlock.app.ui.start.StartModel;
import io.stellaops.airlock.app.ui.start.StartNextController;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Wires the wizard window: builds the step views from FXML, hands controllers their
 * dependencies, and switches views when the start model says a job was chosen.
 *
 * <p>Navigation lives here rather than in the controllers so that a controller only writes
 * the model and never needs to know which step comes next.
 */
public final class MainWindow {

    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 640;
    private static final double INITIAL_WIDTH = 1024;
    private static final double INITIAL_HEIGHT = 700;

    private final Stage stage;
    private final StartModel startModel = new StartModel();
    private final Scene scene;

    public MainWindow(Stage stage, ResourceBundle resources, String version) {
        this.stage = stage;
        Map<Class<?>, Supplier<?>> controllers = Map.of(
                StartController.class, () -> new StartController(startModel, version),
                StartNextController.class, () -> new StartNextController(startModel));
        var fxml = new FxmlLoaderFactory(resources, controllers);
        // Each step's view is built once and kept, so going back shows it exactly as it was left.
        Parent startView = fxml.load("start_main");
        Parent nextView = fxml.load("start_next");
        // One scene whose root is swapped per step: a second Scene set on a window that is
        // already showing kept its root at preferred size instead of filling the window.
        this.scene = new Scene(startView);
        startModel.selectedJobProperty().addListener(
                (observable, previous, job) -> scene.setRoot(job == null ? startView : nextView));
        stage.setTitle(resources.getString("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setWidth(INITIAL_WIDTH);
        stage.setHeight(INITIAL_HEIGHT);
        stage.setScene(scene);
        useTheme(Theme.LIGHT);
    }

    public void show() {
        stage.show();
    }

    public void useTheme(Theme theme) {
        scene.getStylesheets().setAll(theme.stylesheet());
    }

    public StartModel startModel() {
        return startModel;
    }
}
