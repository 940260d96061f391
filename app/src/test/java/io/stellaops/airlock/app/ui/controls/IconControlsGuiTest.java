package io.stellaops.airlock.app.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rendered icons of {@code icons/} in the two controls that use them, shown in a real window
 * (TestFX under Xvfb, as the other GUI tests): every verdict status and every step state shows
 * its own picture, loaded from the app's resources at its 16 px size.
 */
@ExtendWith(ApplicationExtension.class)
class IconControlsGuiTest {

    private VerdictLine verdict;
    private StepList steps;

    @Start
    void start(Stage stage) {
        // Made here, on the FX thread once the toolkit runs, not as field initialisers.
        verdict = new VerdictLine();
        steps = new StepList();
        verdict.setTitle("Signed by");
        verdict.textProperty().set("alice");
        steps.getSteps().setAll("Source", "Options", "Build", "Done");
        stage.setScene(new Scene(new VBox(12, verdict, steps), 400, 300));
        stage.show();
    }

    @Test
    void everyVerdictStatusShowsItsIcon(FxRobot robot) {
        assertThat(imageOf(verdict)).isSameAs(IconImages.named("verdict-unknown"));
        for (var expected : List.of(
                new Object[] {VerdictStatus.PASSED, "verdict-passed"},
                new Object[] {VerdictStatus.FAILED, "verdict-failed"},
                new Object[] {VerdictStatus.SKIPPED, "verdict-warning"},
                new Object[] {VerdictStatus.NOT_REACHED, "verdict-unknown"},
                new Object[] {VerdictStatus.PENDING, "verdict-unknown"})) {
            robot.interact(() -> verdict.statusProperty().set((VerdictStatus) expected[0]));
            WaitForAsyncUtils.waitForFxEvents();
            Image image = imageOf(verdict);
            assertThat(image).as(expected[0].toString()).isSameAs(IconImages.named((String) expected[1]));
            assertThat(image.isError()).isFalse();
            assertThat(image.getWidth()).isEqualTo(16);
            assertThat(verdict.icon().isVisible()).isTrue();
        }
    }

    @Test
    void stepsShowDoneCurrentAndTodoIcons(FxRobot robot) {
        robot.interact(() -> steps.currentProperty().set(2));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stepImages()).containsExactly(IconImages.named("step-done"), IconImages.named("step-done"),
                IconImages.named("step-current"), IconImages.named("step-todo"));
        assertThat(steps.getChildren().get(2).getStyleClass()).contains("step", "step-current");
        assertThat(((Label) steps.getChildren().get(2)).getText()).isEqualTo("3  Build");

        robot.interact(() -> steps.currentProperty().set(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stepImages()).containsExactly(IconImages.named("step-current"), IconImages.named("step-todo"),
                IconImages.named("step-todo"), IconImages.named("step-todo"));
    }

    @Test
    void theWindowIconComesInEverySizeTheDesktopMayAskFor() {
        List<Image> icons = IconImages.window();
        assertThat(icons).hasSameSizeAs(IconImages.WINDOW_SIZES);
        for (int i = 0; i < icons.size(); i++) {
            assertThat(icons.get(i).isError()).isFalse();
            assertThat(icons.get(i).getWidth()).isEqualTo(IconImages.WINDOW_SIZES.get(i).doubleValue());
        }
    }

    private List<Image> stepImages() {
        return steps.getChildren().stream().map(node -> ((ImageView) ((Label) node).getGraphic()).getImage()).toList();
    }

    private static Image imageOf(Node line) {
        return ((VerdictLine) line).icon().getImage();
    }
}
