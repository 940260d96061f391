package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stellaops.airlock.app.cluster.MockCluster;
import io.stellaops.airlock.app.cluster.ObjectNames;
import io.stellaops.airlock.app.cluster.TestMaterial;
import io.stellaops.airlock.app.ui.bootstrap.BootstrapModel;
import io.stellaops.airlock.app.ui.bootstrap.BootstrapStep;
import io.stellaops.airlock.app.ui.bootstrap.ClusterModel;
import io.stellaops.airlock.app.ui.bootstrap.PlanRow;
import io.stellaops.airlock.app.ui.common.SynchronousTaskExecutor;
import io.stellaops.airlock.app.ui.kitimport.ImportModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The bootstrap flow's cluster steps through a real window (TestFX under Xvfb), against fabric8's
 * Kubernetes mock API server (kubernetes-server-mock in CRUD mode behind the tests'
 * {@code ApplyCrudDispatcher}, listening on a local port) as the cluster: an unreachable context is
 * refused with the exact reason, the plan shows as a diff table without a value, the dry run changes
 * nothing, Apply writes only after the confirmation dialog, an object Airlock does not manage is
 * refused as the CLI refuses it, and the YAML export is owner-only with Secret values only when asked.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterFlowGuiTest {

    @TempDir
    Path dir;

    private Stage stage;
    private MockCluster cluster;
    private String token;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startCluster() {
        cluster = new MockCluster();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void connectsPlansDryRunsAppliesRefusesAndExports(FxRobot robot) throws Exception {
        BootstrapModel model = toClusterStep(robot);
        ClusterModel clusterModel = model.cluster();
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
        TestWizards.onFx(() -> clusterModel.chooseKubeconfig(kubeconfig));
        assertThat(clusterModel.contexts()).containsExactly(MockCluster.CONTEXT, MockCluster.DEAD_CONTEXT);
        assertThat(clusterModel.contextProperty().get()).isEqualTo(MockCluster.CONTEXT);
        robot.clickOn("#folderRadio");
        assertThat(clusterModel.sourceIsKitProperty().get()).isFalse();
        TestWizards.onFx(() -> clusterModel.sourceProperty().set(TestWizards.SAMPLE));

        TestWizards.onFx(() -> clusterModel.contextProperty().set(MockCluster.DEAD_CONTEXT));
        long started = System.nanoTime();
        robot.clickOn("#testButton");
        System.out.printf("unreachable context refused after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(text(robot, "#connectionProblem")).startsWith("cannot read namespace observability from http://127.0.0.1:")
                .contains("(context dead): cannot connect to the API server http://127.0.0.1:")
                .endsWith("ConnectException)");
        assertThat(robot.lookup("#connectionLabel").queryAs(Label.class).isVisible()).isFalse();
        TestWizards.screenshot(stage, "bootstrap_cluster_unreachable");

        TestWizards.onFx(() -> clusterModel.contextProperty().set(MockCluster.CONTEXT));
        robot.clickOn("#testButton");
        assertThat(text(robot, "#connectionLabel")).isEqualTo("Connected to " + cluster.url()
                + "/ (context mock): namespace observability does not exist yet; applying creates it.");
        assertThat(robot.lookup("#connectionProblem").queryAs(Label.class).isVisible()).isFalse();
        TestWizards.screenshot(stage, "bootstrap_cluster");
        assertThat(window.context().settings().get().kubeconfig()).hasValue(kubeconfig);
        assertThat(window.context().settings().get().context()).hasValue(MockCluster.CONTEXT);
        assertThat(window.context().settings().get().folder("tls")).hasValue(dir.resolve("tls"));

        robot.clickOn("#nextButton");
        assertThat(model.stepProperty().get()).isEqualTo(BootstrapStep.PLAN);
        assertThat(clusterModel.stageProperty().get()).isEqualTo(ClusterModel.Stage.COMPARED);
        assertThat(objectRows(clusterModel)).extracting(PlanRow::object, PlanRow::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Namespace observability", "create"),
                org.assertj.core.groups.Tuple.tuple("Secret observability/stellaops-otel-tls-stage", "create"),
                org.assertj.core.groups.Tuple.tuple("Secret observability/stellaops-prometheus-token", "create"),
                org.assertj.core.groups.Tuple.tuple("Secret observability/" + ObjectNames.DEFAULTS.scrapeSecret(), "create"),
                org.assertj.core.groups.Tuple.tuple("ConfigMap observability/" + ObjectNames.DEFAULTS.lokiOverrides(), "create"),
                org.assertj.core.groups.Tuple.tuple("ConfigMap observability/" + ObjectNames.DEFAULTS.tempoOverrides(), "create"));
        assertThat(clusterModel.rows()).filteredOn(row -> !row.header()).extracting(PlanRow::key)
                .contains("tls.crt", "tls.key", "ca.crt", "token");
        assertNoSecretShown(robot, clusterModel);
        assertThat(text(robot, "#planSummary")).isEqualTo("6 to create, 0 to update, 0 unchanged, 0 not managed by Airlock.");
        TestWizards.screenshot(stage, "bootstrap_plan");

        robot.clickOn("#dryRunButton");
        assertThat(text(robot, "#planSummary")).isEqualTo("Dry run passed, nothing was changed: 1 checked by the server, 5 not checked yet");
        assertThat(objectRows(clusterModel)).extracting(PlanRow::outcome)
                .containsExactly("checked by the server", "not checked yet: namespace observability does not exist yet;"
                        + " the server checks this write after creating it", "not checked yet: namespace observability does"
                        + " not exist yet; the server checks this write after creating it", "not checked yet: namespace"
                        + " observability does not exist yet; the server checks this write after creating it",
                        "not checked yet: namespace observability does not exist yet; the server checks this write after"
                        + " creating it", "not checked yet: namespace observability does not exist yet; the server checks"
                        + " this write after creating it");
        try (KubernetesClient client = cluster.client()) {
            assertThat(client.namespaces().withName("observability").get()).isNull();
        }
        TestWizards.screenshot(stage, "bootstrap_plan_dry_run");

        // Cancel in the confirmation dialog: nothing is written.
        int before = cluster.dispatcher().requests().size();
        robot.clickOn("#applyButton");
        screenshotDialog(robot, "bootstrap_plan_confirm");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(node -> ((Button) node).isCancelButton())
                .queryAs(Button.class));
        assertThat(cluster.dispatcher().requests()).hasSize(before);

        robot.clickOn("#applyButton");
        robot.clickOn("#confirmApplyButton");
        assertThat(clusterModel.stageProperty().get()).isEqualTo(ClusterModel.Stage.APPLIED);
        assertThat(text(robot, "#planSummary")).isEqualTo("Apply finished: 6 applied");
        assertThat(objectRows(clusterModel)).extracting(PlanRow::outcome).containsOnly("applied");
        try (KubernetesClient client = cluster.client()) {
            assertThat(client.secrets().inNamespace("observability").list().getItems()).hasSize(3);
            assertThat(client.configMaps().inNamespace("observability").list().getItems()).hasSize(2);
        }
        assertNoSecretShown(robot, clusterModel);
        TestWizards.screenshot(stage, "bootstrap_plan_applied");

        // An object of the same name that Airlock does not manage: refused, as 'airlock cluster apply' refuses it.
        try (KubernetesClient client = cluster.client()) {
            client.configMaps().inNamespace("observability").withName(ObjectNames.DEFAULTS.lokiOverrides()).delete();
            client.configMaps().inNamespace("observability").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName(ObjectNames.DEFAULTS.lokiOverrides()).withNamespace("observability").endMetadata()
                    .withData(Map.of("overrides.yaml", "hand-made: true\n")).build()).create();
        }
        robot.clickOn("#compareButton");
        assertThat(text(robot, "#planSummary")).isEqualTo("0 to create, 0 to update, 5 unchanged, 1 not managed by Airlock.");
        robot.clickOn("#applyButton");
        robot.clickOn("#confirmApplyButton");
        assertThat(clusterModel.stageProperty().get()).isEqualTo(ClusterModel.Stage.FAILED);
        assertThat(text(robot, "#planProblem")).isEqualTo("ConfigMap observability/" + ObjectNames.DEFAULTS.lokiOverrides()
                + " exists but not labelled app.kubernetes.io/managed-by=airlock; nothing was applied. Check that Airlock"
                + " should manage it, then run again with --take-ownership");
        assertThat(objectRows(clusterModel)).extracting(PlanRow::outcome).contains("refused");
        TestWizards.screenshot(stage, "bootstrap_plan_refused");

        Path redacted = dir.resolve("plan.yaml");
        TestWizards.onFx(() -> clusterModel.export(redacted));
        assertThat(text(robot, "#planSummary")).startsWith("Wrote " + redacted + " (readable by you only). Secret values are redacted");
        assertThat(Files.getPosixFilePermissions(redacted)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String yaml = Files.readString(redacted);
        assertThat(yaml).contains("<redacted> sha256:").doesNotContain(token)
                .doesNotContain(base64(token)).doesNotContain("PRIVATE KEY");
        Path full = dir.resolve("plan-with-secrets.yaml");
        robot.clickOn("#includeSecretsCheck");
        TestWizards.onFx(() -> clusterModel.export(full));
        assertThat(Files.getPosixFilePermissions(full)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(full)).contains(base64(token));
        TestWizards.screenshot(stage, "bootstrap_plan_exported");

        // The bootstrap ends where the runbook does: its operational checklist.
        robot.clickOn("#checklistButton");
        assertThat(window.bootstrapFlow()).isEmpty();
        assertThat(window.checklistFlow()).isPresent();
    }

    /**
     * A server that accepts connections and never answers: the connection test runs on a real worker
     * thread ({@code DaemonTaskExecutor}), Cancel interrupts it, the step says so and is usable again.
     */
    @Test
    void aConnectionTestThatHangsCanBeCancelled(FxRobot robot) throws Exception {
        try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                var executor = new io.stellaops.airlock.app.ui.common.DaemonTaskExecutor()) {
            MainWindow window = TestWizards.open(stage, executor, dir);
            robot.clickOn("#importJobButton");
            TestWizards.onFx(() -> window.importFlow().orElseThrow().model().showStatus());
            robot.clickOn("#bootstrapButton");
            BootstrapModel model = window.bootstrapFlow().orElseThrow().model();
            TestWizards.onFx(() -> {
                model.next();
                model.next();
            });
            Path kubeconfig = MockCluster.writeKubeconfig(dir.resolve("kubeconfig"), "http://127.0.0.1:" + silent.getLocalPort());
            TestWizards.onFx(() -> model.cluster().chooseKubeconfig(kubeconfig));
            robot.clickOn("#testButton");
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> model.cluster().busyProperty().get());
            assertThat(robot.lookup("#cancelButton").queryAs(Button.class).isVisible()).isTrue();
            assertThat(robot.lookup("#homeButton").queryAs(Button.class).isDisabled()).isTrue();
            TestWizards.screenshot(stage, "bootstrap_cluster_testing");
            long started = System.nanoTime();
            robot.clickOn("#cancelButton");
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> !model.cluster().busyProperty().get());
            System.out.printf("cancelled connection test ended after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(text(robot, "#connectionProblem")).startsWith("Cancelled.");
            assertThat(model.cluster().connectionProperty().get()).isEmpty();
            assertThat(robot.lookup("#testButton").queryAs(Button.class).isDisabled()).isFalse();
        }
    }

    /** Import job, status, bootstrap: TLS material generated, a usable token chosen, on to the cluster step. */
    private BootstrapModel toClusterStep(FxRobot robot) throws Exception {
        window = TestWizards.open(stage, new SynchronousTaskExecutor(), dir);
        robot.clickOn("#importJobButton");
        ImportModel importModel = window.importFlow().orElseThrow().model();
        Path kit = Files.createDirectories(dir.resolve("kit"));
        TestWizards.onFx(() -> {
            importModel.chooseKit(kit);
            importModel.showStatus();
        });
        robot.clickOn("#bootstrapButton");
        BootstrapModel model = window.bootstrapFlow().orElseThrow().model();
        assertThat(model.cluster().sourceProperty().get()).isEqualTo(kit);
        Path tls = Files.createDirectories(dir.resolve("tls"));
        TestWizards.onFx(() -> model.chooseFolder(tls));
        robot.clickOn("#generateButton");
        robot.clickOn("#nextButton");
        token = TestMaterial.prometheusToken(TestWizards.CLOCK.instant().plus(Duration.ofDays(30)));
        Path tokenFile = TestMaterial.writeToken(dir.resolve("token.jwt"), token);
        TestWizards.onFx(() -> model.chooseToken(tokenFile));
        robot.clickOn("#nextButton");
        assertThat(model.stepProperty().get()).isEqualTo(BootstrapStep.CLUSTER);
        return model;
    }

    private void assertNoSecretShown(FxRobot robot, ClusterModel model) throws Exception {
        String key = Files.readString(dir.resolve("tls").resolve("tls.key"));
        String keyBody = key.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        for (PlanRow row : model.rows()) {
            assertThat(row.toString()).doesNotContain(token).doesNotContain(token.split("\\.")[1]).doesNotContain(keyBody);
        }
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).allSatisfy(label ->
                assertThat(String.valueOf(label.getText())).doesNotContain(token.split("\\.")[1]).doesNotContain(keyBody));
    }

    private void screenshotDialog(FxRobot robot, String name) throws Exception {
        Window dialog = robot.listTargetWindows().stream().filter(w -> w != stage && w.isShowing()
                && w.getScene() != null && w.getScene().lookup(".dialog-pane") != null).findFirst().orElseThrow();
        Scene scene = dialog.getScene();
        PngSnapshots.write(TestWizards.callOnFx(() -> scene.snapshot(null)), TestWizards.SCREENSHOTS.resolve(name + ".png"));
    }

    private static List<PlanRow> objectRows(ClusterModel model) {
        return model.rows().stream().filter(PlanRow::header).toList();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
