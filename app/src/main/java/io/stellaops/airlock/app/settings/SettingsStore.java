package io.stellaops.airlock.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.AirlockVersion;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps {@link Settings} in {@code settings.json} of the configuration folder: the system property
 * {@value #DIR_PROPERTY} (the installer's choice), else {@code $XDG_CONFIG_HOME/airlock}, else
 * {@code ~/.config/airlock}. The folder is created owner-only ({@code rwx------}), the file is
 * written atomically and owner-only ({@code rw-------}): it names the kubeconfig and kit in use.
 *
 * <p>A file that cannot be read or parsed never stops the wizard: {@link #load()} returns the
 * defaults with a note saying why, and the next save replaces the file. An unknown or malformed
 * field is ignored on its own; the others are kept.
 */
public final class SettingsStore {

    public static final String DIR_PROPERTY = "airlock.config.dir";
    public static final String FILE_NAME = "settings.json";
    private static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What {@link #load()} found: the settings, and a note for the user when the file was not usable. */
    public record Loaded(Settings settings, Optional<String> note) {
    }

    private final Path file;

    public SettingsStore(Path folder) {
        this.file = folder.resolve(FILE_NAME);
    }

    /** The folder from {@code property} ({@value #DIR_PROPERTY}), else {@code XDG_CONFIG_HOME}, else under {@code home}. */
    public static Path folder(String property, Map<String, String> env, Path home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "airlock");
        }
        return home.resolve(".config").resolve("airlock");
    }

    /** The store of this process: {@link #folder} from the system property, the environment and the home folder. */
    public static SettingsStore forThisProcess() {
        return new SettingsStore(folder(System.getProperty(DIR_PROPERTY), System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return corrupt("it is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(Settings.defaults(), Optional.empty());
        } catch (IOException e) {
            return corrupt("it cannot be read (" + AtomicFiles.describe(e) + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return corrupt("it is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            return corrupt("it does not hold a JSON object");
        }
        return new Loaded(read(root), Optional.empty());
    }

    /** Writes {@code settings} atomically, owner-only, creating the folder owner-only if needed. */
    public void save(Settings settings) throws BundleException {
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(folder)) {
                if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
        } catch (IOException e) {
            throw new BundleException(io.stellaops.airlock.bundle.Failure.UNREADABLE, "cannot create the settings folder " + folder
                    + ": " + AtomicFiles.describe(e), e);
        }
        AtomicFiles.write(file, write(settings).getBytes(StandardCharsets.UTF_8), true, true);
    }

    private Loaded corrupt(String why) {
        return new Loaded(Settings.defaults(), Optional.of("The settings file " + file + " was not used because " + why
                + "; the defaults apply, and the file is replaced when a setting changes."));
    }

    private static String write(Settings settings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("writtenByVersion", AirlockVersion.current());
        ObjectNode folders = root.putObject("folders");
        settings.folders().forEach((purpose, folder) -> folders.put(purpose, folder.toString()));
        settings.kit().ifPresent(p -> root.put("kit", p.toString()));
        settings.trustPolicy().ifPresent(p -> root.put("trustPolicy", p.toString()));
        settings.kubeconfig().ifPresent(p -> root.put("kubeconfig", p.toString()));
        settings.context().ifPresent(c -> root.put("context", c));
        root.put("theme", settings.theme());
        settings.language().ifPresent(l -> root.put("language", l));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write settings as JSON", e);
        }
    }

    private static Settings read(JsonNode root) {
        Map<String, Path> folders = new TreeMap<>();
        JsonNode node = root.path("folders");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            path(entry.getValue()).ifPresent(p -> folders.put(entry.getKey(), p));
        }
        return new Settings(folders, path(root.get("kit")), path(root.get("trustPolicy")), path(root.get("kubeconfig")),
                text(root.get("context")), text(root.get("theme")).orElse(Settings.LIGHT), text(root.get("language")));
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static Optional<Path> path(JsonNode node) {
        try {
            return text(node).map(Path::of);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
