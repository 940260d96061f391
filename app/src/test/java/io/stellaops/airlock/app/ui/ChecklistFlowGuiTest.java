package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stellaops.airlock.app.checklist.CheckOutcome;
import io.stellaops.airlock.app.checklist.CheckState;
import io.stellaops.airlock.app.checklist.ChecklistServers;
import io.stellaops.airlock.app.checklist.ChecklistVerdict;
import io.stellaops.airlock.app.checklist.FailureReason;
import io.stellaops.airlock.app.checklist.StandardChecklist;
import io.stellaops.airlock.app.cli.AirlockCli;
import io.stellaops.airlock.app.ui.checklist.CheckRow;
import io.stellaops.airlock.app.ui.checklist.ChecklistModel;
import io.stellaops.airlock.app.ui.common.DaemonTaskExecutor;
import io.stellaops.airlock.app.ui.start.Job;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The checklist job through a real window (Xvfb in the build) against real servers: the Debian
 * {@code prometheus} binary with mTLS, the test collector it scrapes, and the Loki and Tempo
 * stand-ins, all started here by {@link ChecklistServers}. Every check runs for real on a daemon
 * thread while the table shows its states; then operator items are confirmed, Prometheus is stopped
 * and one check is run again, and the report is exported and signed.
 */
@ExtendWith(ApplicationExtension.class)
class ChecklistFlowGuiTest {

    @TempDir
    Path dir;

    private Stage stage;
    private ChecklistServers servers;
    private DaemonTaskExecutor executor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void servers() throws Exception {
        servers = ChecklistServers.start(dir.resolve("servers"));
        executor = new DaemonTaskExecutor();
    }

    @AfterEach
    void stop() {
        executor.close();
        servers.close();
    }

    @Test
    void runsTheChecksConfirmsReRunsAndExportsTheSignedReport(FxRobot robot) throws Exception {
        MainWindow window = TestWizards.open(stage, executor, dir);
        robot.clickOn("#checklistJobButton");
        assertThat(window.startModel().getSelectedJob()).isEqualTo(Job.CHECKLIST);
        ChecklistModel model = window.checklistFlow().orElseThrow().model();
        Path config = servers.writeConfig(dir.resolve("checklist.yaml"));
        TestWizards.onFx(() -> model.load(config));
        assertThat(model.rows()).extracting(CheckRow::id).containsExactly("certificates", "prometheus-scrape",
                "tenant-activity", "retention", "alerts", "slo-evaluator", "retention-expiry");
        assertThat(model.rows()).allMatch(row -> row.outcome().state() == CheckState.PENDING);

        Set<CheckState> seen = ConcurrentHashMap.newKeySet();
        TestWizards.onFx(() -> model.rows().forEach(row -> row.outcomeProperty().addListener(
                (observable, previous, outcome) -> seen.add(outcome.state()))));
        robot.clickOn("#runAllButton");
        awaitIdle(model);

        assertThat(seen).contains(CheckState.RUNNING, CheckState.PASSED, CheckState.NEEDS_OPERATOR);
        for (String id : StandardChecklist.BUILT_IN_IDS) {
            assertThat(state(model, id)).as(model.outcome(id).toString()).isEqualTo(CheckState.PASSED);
        }
        assertThat(state(model, "slo-evaluator")).isEqualTo(CheckState.NEEDS_OPERATOR);
        assertThat(model.verdictProperty().get()).isEqualTo(ChecklistVerdict.NEEDS_OPERATOR);
        select(model, StandardChecklist.PROMETHEUS_SCRAPE);
        assertThat(text(robot, "#selectedSummary")).startsWith("Prometheus scrape succeeds: passed. the collector serves 3 samples");
        assertThat(robot.lookup("#evidenceTable").queryAs(TableView.class).getItems()).hasSizeGreaterThanOrEqualTo(4);
        TestWizards.screenshot(stage, "checklist_passed");

        robot.clickOn("#operatorField").write("alice");
        for (String item : new String[] {"slo-evaluator", "retention-expiry"}) {
            select(model, item);
            robot.clickOn("#confirmButton");
            awaitIdle(model);
            assertThat(state(model, item)).isEqualTo(CheckState.PASSED);
        }
        assertThat(text(robot, "#confirmationLabel")).startsWith("Confirmed by alice at ");
        assertThat(model.verdictProperty().get()).isEqualTo(ChecklistVerdict.PASSED);
        assertThat(text(robot, "#verdictLabel")).isEqualTo("Every check passed.");

        servers.stopPrometheus();
        select(model, StandardChecklist.ALERTS);
        robot.clickOn("#rerunButton");
        awaitIdle(model);
        CheckOutcome alerts = model.outcome(StandardChecklist.ALERTS).orElseThrow();
        assertThat(alerts.state()).isEqualTo(CheckState.FAILED);
        assertThat(alerts.reason()).contains(FailureReason.UNREACHABLE);
        assertThat(alerts.summary()).startsWith("cannot connect to " + servers.prometheusAddress());
        assertThat(state(model, StandardChecklist.TENANT_ACTIVITY)).isEqualTo(CheckState.PASSED); // kept, not re-run
        assertThat(text(robot, "#fixLabel")).startsWith("Fix: ");
        assertThat(text(robot, "#verdictLabel")).startsWith("At least one check failed");
        TestWizards.screenshot(stage, "checklist_failed");

        Path pass = Files.writeString(dir.resolve("carol.pass"), "correct horse battery staple\n");
        int generated = AirlockCli.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("keys", "generate", "--type", "ed25519", "--out", dir.resolve("carol").toString(),
                        "--passphrase-file", pass.toString());
        assertThat(generated).isZero();
        Path out = Files.createDirectories(dir.resolve("evidence")).resolve("checklist.json");
        TestWizards.onFx(() -> {
            model.signingKeyProperty().set(dir.resolve("carol.key.pem"));
            model.export(out, "correct horse battery staple".toCharArray());
        });
        awaitIdle(model);
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(text(robot, "#exportedLabel")).startsWith("Report written: " + out);
        JsonNode report = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(report.path("verdict").asText()).isEqualTo("failed");
        assertThat(report.path("operator").asText()).isEqualTo("alice");
        JsonNode envelope = new ObjectMapper().readTree(dir.resolve("evidence/checklist.json.dsse.json").toFile());
        assertThat(envelope.path("signatures")).hasSize(1);
        assertThat(dir.resolve("evidence/checklist.html")).isNotEmptyFile();
        TestWizards.screenshot(stage, "checklist_exported");
    }

    @Test
    void inGermanAtTheMinimumWindowSizeNoTextIsCutAndTheButtonsStayInside(FxRobot robot) throws Exception {
        MainWindow window = TestWizards.open(stage, java.util.Locale.GERMAN, executor, dir,
                io.stellaops.airlock.app.ui.build.BuildService.library(),
                io.stellaops.airlock.app.ui.verify.VerifyService.library(TestWizards.CLOCK));
        TestWizards.onFx(() -> {
            stage.setWidth(MainWindow.MIN_WIDTH);
            stage.setHeight(MainWindow.MIN_HEIGHT);
        });
        robot.clickOn("#checklistJobButton");
        ChecklistModel model = window.checklistFlow().orElseThrow().model();
        Path config = servers.writeConfig(dir.resolve("checklist.yaml"));
        TestWizards.onFx(() -> model.load(config));
        robot.clickOn("#runAllButton");
        awaitIdle(model);
        select(model, StandardChecklist.RETENTION);

        java.util.List<String> problems = TestWizards.callOnFx(() -> {
            javafx.scene.Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            java.util.List<String> found = new java.util.ArrayList<>();
            for (javafx.scene.Node node : root.lookupAll(".label")) {
                if (node instanceof Label label && label.isVisible() && !label.getStyleClass().contains("path")
                        && label.getText() != null && !label.getText().isEmpty() && label.getWidth() > 0) {
                    if (!label.isWrapText() && label.getWidth() + 0.5 < label.prefWidth(-1)) {
                        found.add("'" + label.getText() + "' shortened");
                    } else if (label.isWrapText() && label.getHeight() + 0.5 < label.prefHeight(label.getWidth())) {
                        found.add("'" + label.getText() + "' squeezed");
                    }
                }
            }
            for (javafx.scene.Node buttons : root.lookupAll(".wizard-buttons")) {
                javafx.geometry.Bounds bounds = buttons.localToScene(buttons.getLayoutBounds());
                if (bounds.getMaxY() > stage.getScene().getHeight() + 0.5 || bounds.getMaxX() > stage.getScene().getWidth() + 0.5) {
                    found.add("buttons end at " + bounds.getMaxX() + ", " + bounds.getMaxY() + ", outside the window");
                }
            }
            return found;
        });
        TestWizards.screenshot(stage, "checklist_passed_de_min");
        assertThat(problems).isEmpty();
        assertThat(text(robot, "#verdictLabel")).isEqualTo(
                "Keine Prüfung fehlgeschlagen; Punkte warten auf die Bestätigung eines Operators.");
    }

    private static void awaitIdle(ChecklistModel model) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static CheckState state(ChecklistModel model, String id) {
        return model.outcome(id).orElseThrow().state();
    }

    private static void select(ChecklistModel model, String id) throws Exception {
        TestWizards.onFx(() -> model.selectedProperty().set(
                model.rows().stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow()));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
