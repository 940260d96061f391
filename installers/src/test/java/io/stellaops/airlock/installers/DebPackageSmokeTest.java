package io.stellaops.airlock.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux package as a new user gets it: {@code installers/build.sh} builds the real {@code .deb}
 * with jpackage (from the app module's jar and libraries, without running Maven again),
 * {@code dpkg-deb -x} unpacks it into a temporary root, and the packaged launcher runs the
 * packaged Java runtime: {@code airlock --version}, {@code bundle build --sample} and
 * {@code bundle verify}. The package metadata and desktop entry are read with {@code dpkg-deb}.
 *
 * <p>Linux only (skipped elsewhere). Needs jpackage (JDK 17), fakeroot and dpkg-deb, which
 * {@code scripts/test} installs. The deb is compressed with gzip level 1 here
 * ({@code DPKG_DEB_COMPRESSOR_*}) to keep the test near a minute; a release build uses xz.
 */
class DebPackageSmokeTest {

    private static final Path ROOT = Path.of(System.getProperty("airlock.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("airlock.version", "0.1.0-SNAPSHOT").replaceFirst("-.*", "");
    private static final Path OUT = ROOT.resolve("installers/target/smoke");
    private static Path deb;

    @BeforeAll
    static void buildThePackage() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "the .deb is built on Linux only");
        Run build = run(List.of(ROOT.resolve("installers/build.sh").toString(), "--skip-maven", "--type", "deb",
                "--dest", OUT.toString()), ROOT, Map.of("DPKG_DEB_COMPRESSOR_TYPE", "gzip", "DPKG_DEB_COMPRESSOR_LEVEL", "1"), 900);
        assertThat(build.exit()).as("installers/build.sh failed:%n%s", build.output()).isZero();
        try (Stream<Path> packages = Files.list(OUT.resolve("packages"))) {
            deb = packages.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
    }

    @Test
    void theMetadataNamesThePackageItsVersionAndGtk3(@TempDir Path temp) throws Exception {
        assertThat(deb.getFileName().toString()).isEqualTo("airlock_" + VERSION + "-1_amd64.deb");
        assertThat(field("Package")).isEqualTo("airlock");
        assertThat(field("Version")).isEqualTo(VERSION + "-1");
        assertThat(field("Section")).isEqualTo("utils");
        assertThat(List.of(field("Depends").split(",\\s*"))).contains("libgtk-3-0", "libgl1", "xdg-utils");

        Path control = temp.resolve("DEBIAN");
        assertThat(run(List.of("dpkg-deb", "-e", deb.toString(), control.toString()), temp, Map.of(), 60).exit()).isZero();
        assertThat(Files.readString(control.resolve("postinst")))
                .contains("xdg-desktop-menu install /opt/airlock/lib/airlock-airlock.desktop")
                .contains("ln -sf /opt/airlock/bin/airlock /usr/bin/airlock")
                .contains("-XX:ArchiveClassesAtExit=/opt/airlock/lib/app/airlock.jsa");
        assertThat(Files.readString(control.resolve("prerm"))).contains("rm -f /usr/bin/airlock");
    }

    @Test
    void theDesktopEntryStartsTheLauncherWithTheIcon(@TempDir Path temp) throws Exception {
        Path root = unpack(temp);
        Map<String, String> entry = desktopEntry(root.resolve("opt/airlock/lib/airlock-airlock.desktop"));
        assertThat(entry).containsEntry("Name", "Airlock")
                .containsEntry("Type", "Application")
                .containsEntry("Exec", "/opt/airlock/bin/airlock")
                .containsEntry("Icon", "/opt/airlock/lib/airlock.png")
                .containsEntry("Categories", "Utility;Security;")
                .containsEntry("Terminal", "false");
        byte[] icon = Files.readAllBytes(root.resolve("opt/airlock/lib/airlock.png"));
        assertThat(icon).startsWith(0x89, 'P', 'N', 'G');
        assertThat(icon).isEqualTo(Files.readAllBytes(ROOT.resolve("icons/png/airlock-256.png")));
        assertThat(root.resolve("opt/airlock/bin/airlock")).isExecutable();
        assertThat(root.resolve("opt/airlock/lib/runtime/lib/server/classes.jsa")).isRegularFile();
        assertThat(root.resolve("opt/airlock/lib/app/lib/libglassgtk3.so")).isRegularFile();
    }

    @Test
    void thePackagedCliBuildsAndVerifiesTheSampleBundle(@TempDir Path temp) throws Exception {
        Path root = unpack(temp);
        Path home = Files.createDirectories(temp.resolve("home"));
        Path work = Files.createDirectories(temp.resolve("work"));
        String airlock = root.resolve("opt/airlock/bin/airlock").toString();
        Map<String, String> env = Map.of("HOME", home.toString());

        Run version = run(List.of(airlock, "--version"), work, env, 120);
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("airlock " + System.getProperty("airlock.version", "0.1.0-SNAPSHOT"))
                .doesNotContain("warning", "Picked up");

        Run build = run(List.of(airlock, "bundle", "build", "--sample", "--out", work.toString()), work, env, 300);
        assertThat(build.exit()).as(build.output()).isZero();
        Path bundle;
        try (Stream<Path> files = Files.list(work)) {
            bundle = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }

        Run verify = run(List.of(airlock, "bundle", "verify", bundle.toString()), work, env, 300);
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains(bundle.getFileName().toString().replace(".tar.gz", ""));
    }

    private static String field(String name) throws Exception {
        Run run = run(List.of("dpkg-deb", "-f", deb.toString(), name), ROOT, Map.of(), 60);
        assertThat(run.exit()).as(run.output()).isZero();
        return run.output().strip();
    }

    private static Path unpack(Path temp) throws Exception {
        Path root = temp.resolve("root");
        Run unpack = run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), temp, Map.of(), 300);
        assertThat(unpack.exit()).as(unpack.output()).isZero();
        return root;
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> entry = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                entry.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return entry;
    }

    private record Run(int exit, String output) {
    }

    /** Runs a command with standard error merged into its output; fails the test on a timeout. */
    private static Run run(List<String> command, Path directory, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("XDG_") || key.equals("JAVA_TOOL_OPTIONS")
                || key.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(env);
        Path log = Files.createTempFile("airlock-smoke", ".out");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command + "\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }
}
