package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.verify.VerifyModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Dropping a bundle onto the verify screen of a real window. Xvfb has no drag source for files,
 * so the test makes the drag the way the toolkit does: a {@link Dragboard} over JavaFX's local
 * clipboard holding the file list, and DRAG_OVER, DRAG_DROPPED events fired at the step's view.
 * Everything from the event on is the wizard's own code (FileDrop, the model, the library's verifier).
 */
@ExtendWith(ApplicationExtension.class)
class VerifyDropGuiTest {

    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aDroppedBundleIsChosenAndTwoFilesOrAFolderAreNot(FxRobot robot) throws Exception {
        MainWindow window = TestWizards.open(stage, new SynchronousTaskExecutor(), dir);
        robot.clickOn("#verifyJobButton");
        VerifyModel model = window.verifyFlow().orElseThrow().model();
        Path bundle = TestWizards.buildBundle(dir, "dropped.tar.gz");
        Node view = robot.lookup(".verify-choose").query();

        DragEvent over = TestWizards.callOnFx(() -> fire(view, DragEvent.DRAG_OVER, List.of(bundle.toFile())));
        assertThat(over.isAccepted()).isTrue();
        assertThat(view.getPseudoClassStates()).contains(DRAG_OVER);
        TestWizards.screenshot(stage, "verify_drop_over");
        DragEvent dropped = TestWizards.callOnFx(() -> fire(view, DragEvent.DRAG_DROPPED, List.of(bundle.toFile())));
        assertThat(dropped.isDropCompleted()).isTrue();
        assertThat(view.getPseudoClassStates()).doesNotContain(DRAG_OVER);
        assertThat(model.bundleProperty().get()).isEqualTo(bundle);

        Path other = Files.copy(bundle, dir.resolve("other.tar.gz"));
        DragEvent two = TestWizards.callOnFx(() -> fire(view, DragEvent.DRAG_OVER, List.of(bundle.toFile(), other.toFile())));
        assertThat(two.isAccepted()).isFalse();
        DragEvent twoDropped = TestWizards.callOnFx(() -> fire(view, DragEvent.DRAG_DROPPED,
                List.of(other.toFile(), bundle.toFile())));
        assertThat(twoDropped.isDropCompleted()).isFalse();
        DragEvent folder = TestWizards.callOnFx(() -> fire(view, DragEvent.DRAG_DROPPED, List.of(dir.toFile())));
        assertThat(folder.isDropCompleted()).isFalse();
        assertThat(model.bundleProperty().get()).isEqualTo(bundle);
    }

    /** Fires a drag event carrying {@code files} at the centre of {@code target}; returns the event as handled. */
    private static DragEvent fire(Node target, javafx.event.EventType<DragEvent> type, List<File> files) {
        Dragboard dragboard = DragboardHelper.createDragboard(new DropClipboard());
        var content = new ClipboardContent();
        content.putFiles(files);
        dragboard.setContent(content);
        var bounds = target.localToScene(target.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        var event = new DragEvent(target, target, type, dragboard, x, y, x, y, TransferMode.COPY, null, target, null);
        Event.fireEvent(target, event);
        return event;
    }

    /**
     * The clipboard of a drop from another application: content and the COPY transfer mode. The
     * toolkit's own local clipboard refuses {@code getTransferModes()} outside a real drag gesture.
     */
    private static final class DropClipboard implements TKClipboard {
        private final java.util.Map<javafx.scene.input.DataFormat, Object> values = new java.util.HashMap<>();

        @Override
        public void setSecurityContext(java.security.AccessControlContext context) {
        }

        @Override
        public java.util.Set<javafx.scene.input.DataFormat> getContentTypes() {
            return values.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(javafx.util.Pair<javafx.scene.input.DataFormat, Object>... content) {
            values.clear();
            for (var pair : content) {
                values.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(javafx.scene.input.DataFormat format) {
            return values.get(format);
        }

        @Override
        public boolean hasContent(javafx.scene.input.DataFormat format) {
            return values.containsKey(format);
        }

        @Override
        public java.util.Set<TransferMode> getTransferModes() {
            return java.util.EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(javafx.scene.image.Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public javafx.scene.image.Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
