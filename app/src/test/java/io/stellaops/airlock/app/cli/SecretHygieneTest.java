package io.stellaops.airlock.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.stellaops.airlock.app.checklist.ChecklistTls;
import io.stellaops.airlock.app.checklist.ConfigYaml;
import io.stellaops.airlock.app.cluster.MockCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole operator flow through the real command tree (in-process, {@link CliRunner}) with
 * known secret values: a key passphrase, the body of the private signing key (made by openssl,
 * encrypted with the passphrase for Airlock to load), the Authority token and the TLS private keys.
 * The flow: keys generate, bundle build, bundle sign, kit import, cluster plan, cluster apply
 * against fabric8's mock API server ({@link MockCluster}), cluster export, checklist run with a
 * signed report, and the failures an operator meets (a wrong passphrase, an unreachable cluster).
 * No secret may appear, whole, per line or in base64, in standard output or error, in anything
 * logged through Logback at any level of Airlock's own loggers (WARN and up for libraries, as
 * shipped), or in any file but those meant to hold it; those and every key file Airlock writes
 * are owner-only.
 */
class SecretHygieneTest {
    private static final String PASSPHRASE = "hygiene-Passphrase-4f7c1e-do-not-print";
    private static final String CREATED_AT = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    @TempDir
    Path dir;

    private MockCluster cluster;
    private ListAppender<ILoggingEvent> logs;
    private Level airlockLevel;
    private final StringBuilder printed = new StringBuilder();

    @BeforeEach
    void captureLogsAndStartTheCluster() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs = new ListAppender<>();
        logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        root.addAppender(logs);
        Logger airlock = (Logger) LoggerFactory.getLogger("io.stellaops");
        airlockLevel = airlock.getLevel();
        airlock.setLevel(Level.TRACE);
        cluster = new MockCluster();
    }

    @AfterEach
    void stop() {
        cluster.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("io.stellaops")).setLevel(airlockLevel);
    }

    @Test
    void noSecretLeavesTheFilesMeantToHoldIt() throws Exception {
        Path pass = Files.writeString(dir.resolve("release.pass"), PASSPHRASE + "\n", UTF_8);
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
        Path plainKey = dir.resolve("release.plain.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", plainKey.toString());
        Path key = dir.resolve("release.key.pem");
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", plainKey.toString(), "-out", key.toString(),
                "-passout", "file:" + pass);
        Path trust = Files.createDirectories(dir.resolve("trust"));
        openssl("pkey", "-in", plainKey.toString(), "-pubout", "-out", trust.resolve("release.pub.pem").toString());
        BootstrapFixture bootstrap = new BootstrapFixture(Files.createDirectories(dir.resolve("bootstrap")), cluster);
        ChecklistTls checklistTls = ChecklistTls.create(dir.resolve("checklist-tls"));

        ok("keys", "generate", "--type", "ecdsa-p256", "--out", dir.resolve("generated").toString(),
                "--passphrase-file", pass.toString());
        Path bundles = Files.createDirectories(dir.resolve("bundle"));
        ok("bundle", "build", "--sample", "--out", bundles.toString(), "--version", "1.0.0", "--created-at", CREATED_AT);
        Path bundle = bundles.resolve("telemetry-offline-bundle-1.0.0.tar.gz");
        ok("bundle", "sign", bundle.toString(), "--key", key.toString(), "--passphrase-file", pass.toString());
        Path kit = Files.createDirectories(dir.resolve("kit"));
        ok("kit", "import", bundle.toString(), "--kit", kit.toString(), "--trust", trust.toString());
        ok(bootstrap.args("plan", "--kit", kit.toString()));
        ok(bootstrap.args("apply", "--kit", kit.toString()));
        Path export = dir.resolve("export/bootstrap.yaml");
        Files.createDirectories(export.getParent());
        ok(bootstrap.args("export", "--kit", kit.toString(), "--out", export.toString()));
        Path report = Files.createDirectories(dir.resolve("evidence")).resolve("report.json");
        ok("checklist", "run", "--config", new ConfigYaml(checklistTls).write(dir.resolve("checklist.yaml")).toString(),
                "--report", report.toString(), "--report-key", key.toString(), "--passphrase-file", pass.toString(),
                "--operator", "Carol", "--confirm", "slo-evaluator=Alice", "--confirm", "retention-expiry=Bob");

        Path wrong = Files.writeString(dir.resolve("wrong.pass"), "not-the-" + PASSPHRASE + "\n", UTF_8);
        failing("bundle", "sign", bundle.toString(), "--key", key.toString(), "--passphrase-file", wrong.toString());
        failing(bootstrap.args("apply", "--kit", kit.toString(), "--kubeconfig",
                MockCluster.writeKubeconfig(dir.resolve("dead.kubeconfig"), "https://127.0.0.1:" + MockCluster.unusedPort())
                        .toString()));

        List<String> secrets = secrets(plainKey, bootstrap, checklistTls);
        assertThat(secrets).hasSizeGreaterThan(10);
        assertNoSecret("standard output and error of every command", printed.toString(), secrets);
        assertNoSecret("Logback events (messages and stack traces)", logged(), secrets);
        Set<Path> holders = Set.of(pass, wrong, plainKey, key, export, bootstrap.token,
                bootstrap.tls.resolve("tls.key"), checklistTls.serverKey(), checklistTls.clientKey());
        for (Map.Entry<Path, String> file : files().entrySet()) {
            if (!holders.contains(file.getKey())) {
                assertNoSecret(String.valueOf(dir.relativize(file.getKey())), file.getValue(), secrets);
            }
        }
        assertOwnerOnly(dir.resolve("generated.key.pem"), "rw-------");
        assertOwnerOnly(export, "rw-------");
        assertThat(Files.readString(export)).as("the export holds the token (base64 in the Secret's data), as it must")
                .contains(Base64.getEncoder().encodeToString(bootstrap.tokenValue.getBytes(UTF_8)));
    }

    private void ok(String... args) {
        CliRunner.Result result = record(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ":\n" + result.err()).isZero();
    }

    private void failing(String... args) {
        CliRunner.Result result = record(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + " must fail").isNotZero();
        assertThat(result.err()).as("a failure names its cause").isNotBlank();
    }

    private CliRunner.Result record(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        printed.append(result.out()).append('\n').append(result.err()).append('\n');
        return result;
    }

    /** The passphrase, the private key body (whole, per line), the token and TLS keys (BootstrapFixture's list), and base64 forms. */
    private static List<String> secrets(Path plainKey, BootstrapFixture bootstrap, ChecklistTls tls) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(PASSPHRASE, Base64.getEncoder().encodeToString(PASSPHRASE.getBytes(UTF_8))));
        for (Path keyFile : List.of(plainKey, tls.serverKey(), tls.clientKey())) {
            StringBuilder body = new StringBuilder();
            for (String line : Files.readString(keyFile, UTF_8).split("\n")) {
                if (!line.startsWith("-----") && !line.isBlank()) {
                    body.append(line.strip());
                    if (line.strip().length() >= 16) {
                        secrets.add(line.strip());
                    }
                }
            }
            secrets.add(body.toString());
            secrets.add(hex(Base64.getDecoder().decode(body.toString())));
        }
        secrets.addAll(bootstrap.secrets());
        return secrets;
    }

    private String logged() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ")
                    .append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    /** Every regular file under the test folder, as text (ISO-8859-1, so that any byte sequence matches). */
    private Map<Path, String> files() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                files.put(path, new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(files.keySet()).as("files written by the flow")
                .anyMatch(p -> p.toString().contains("receipts"))
                .anyMatch(p -> p.endsWith("report.html"))
                .anyMatch(p -> p.getFileName().toString().equals("state.json"));
        return files;
    }

    private static void assertNoSecret(String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(text.contains(secret)).as(where + " holds secret material (" + secret.length() + " characters, starting '"
                    + secret.substring(0, 3) + "')").isFalse();
        }
    }

    private static void assertOwnerOnly(Path file, String expected) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo(expected);
    }

    /** Runs the openssl command line in the test folder: the key is made and encrypted outside Airlock. */
    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor()).as("openssl " + String.join(" ", args) + ":\n" + output).isZero();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
