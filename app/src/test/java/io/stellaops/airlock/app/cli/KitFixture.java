package io.stellaops.airlock.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the kit command tests share: an ed25519 signing key made with {@code keys generate}, a trust
 * folder holding only its public half, bundles built with {@code bundle build} and signed with
 * {@code bundle sign} (all through the in-process CLI), and a comparable picture of a kit's tree
 * (bundle-format's TreeSnapshot lives in its test sources, which app tests cannot see).
 */
final class KitFixture {
    /** An hour ago, so that every bundle is valid now whatever the build machine's clock says. */
    private static final String CREATED_AT = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    final Path root;
    final Path key;
    final Path trust;

    private KitFixture(Path root, Path key, Path trust) {
        this.root = root;
        this.key = key;
        this.trust = trust;
    }

    static KitFixture create(Path root) throws IOException {
        Path keys = Files.createDirectories(root.resolve("keys"));
        ok(CliRunner.run("keys", "generate", "--type", "ed25519", "--out", keys.resolve("release").toString()));
        Path trust = Files.createDirectories(root.resolve("trust"));
        Files.copy(keys.resolve("release.pub.pem"), trust.resolve("release.pub.pem"));
        return new KitFixture(root, keys.resolve("release.key.pem"), trust);
    }

    /** A bundle of the sample folder in a folder of its own, signed with the trusted key. */
    Path signedBundle(long generation, String version) throws IOException {
        Path archive = unsignedBundle(generation, version);
        ok(CliRunner.run("bundle", "sign", archive.toString(), "--key", key.toString()));
        return archive;
    }

    Path unsignedBundle(long generation, String version) throws IOException {
        Path folder = Files.createDirectories(root.resolve("bundle-" + version));
        ok(CliRunner.run("bundle", "build", "--sample", "--out", folder.toString(), "--version", version,
                "--generation", Long.toString(generation), "--created-at", CREATED_AT));
        return folder.resolve("telemetry-offline-bundle-" + version + ".tar.gz");
    }

    /** Copies a bundle and its sidecars into a new folder, for a test that alters them. */
    static Path copyBundle(Path archive, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(archive.getFileName().toString())).toList()) {
                Files.copy(file, folder.resolve(file.getFileName().toString()));
            }
        }
        return folder.resolve(archive.getFileName().toString());
    }

    static CliRunner.Result ok(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    /** Every path under {@code root} with its type, permissions and content digest or link target. */
    static Map<String, String> tree(Path root, Predicate<String> include) throws IOException {
        Map<String, String> picture = new TreeMap<>();
        if (!Files.exists(root)) {
            return picture;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.toList());
        }
        for (Path path : paths) {
            String relative = root.relativize(path).toString();
            if (relative.isEmpty() || !include.test(relative)) {
                continue;
            }
            if (Files.isSymbolicLink(path)) {
                picture.put(relative, "link -> " + Files.readSymbolicLink(path));
                continue;
            }
            String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
            picture.put(relative, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                    ? "dir " + permissions
                    : "file " + permissions + " " + sha256(Files.readAllBytes(path)));
        }
        return picture;
    }

    /** The live kit: everything but the lock file, whose content names the last holder, and the quarantine. */
    static Map<String, String> liveKit(Path kit) throws IOException {
        return tree(kit, p -> !p.equals("telemetry/.state/lock") && !p.startsWith("telemetry/quarantine")
                && !p.startsWith("telemetry/receipts"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The java launcher of this JVM, for tests that start a real {@code airlock} process. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
