package io.stellaops.airlock.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file on a real file system (the test's temporary folder): round trip, corrupt files, permissions. */
class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEverySetting() throws Exception {
        var store = new SettingsStore(dir.resolve("airlock"));
        Settings saved = Settings.defaults().withFolder("bundle", Path.of("/data/bundles")).withFolder("tls", Path.of("/data/tls"))
                .withKit(Path.of("/media/kit")).withTrustPolicy(Path.of("/etc/airlock/trust.yaml"))
                .withCluster(Path.of("/home/op/.kube/config"), "stage").withTheme(Settings.DARK).withLanguage("de");
        store.save(saved);
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("airlock")).load();
        assertThat(loaded.note()).isEmpty();
        assertThat(loaded.settings()).isEqualTo(saved);
        assertThat(Files.readString(store.file())).contains("\"writtenByVersion\"").contains("\"theme\" : \"dark\"");
    }

    @Test
    void aMissingFileGivesTheDefaultsWithoutANote() {
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("nothing-here")).load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.note()).isEmpty();
    }

    @Test
    void aCorruptFileGivesTheDefaultsAndSaysWhyAndIsReplacedOnTheNextSave() throws Exception {
        var store = new SettingsStore(dir);
        Files.writeString(store.file(), "{\n  \"theme\": \"dark\",\n  \"kit\": ");
        SettingsStore.Loaded loaded = store.load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.note()).hasValueSatisfying(note -> assertThat(note)
                .startsWith("The settings file " + store.file() + " was not used because it is not valid JSON (line 3")
                .endsWith("the defaults apply, and the file is replaced when a setting changes."));

        Files.writeString(store.file(), "[\"not\", \"an\", \"object\"]");
        assertThat(store.load().note()).hasValueSatisfying(note -> assertThat(note).contains("it does not hold a JSON object"));

        store.save(Settings.defaults().withTheme(Settings.DARK));
        assertThat(store.load().settings().theme()).isEqualTo(Settings.DARK);
    }

    @Test
    void aWrongFieldIsIgnoredAloneAndAnUnknownThemeIsLight() throws Exception {
        var store = new SettingsStore(dir);
        Files.writeString(store.file(), "{\"kit\": 42, \"theme\": \"purple\", \"context\": \"prod\", \"future\": true}");
        SettingsStore.Loaded loaded = store.load();
        assertThat(loaded.note()).isEmpty();
        assertThat(loaded.settings().kit()).isEmpty();
        assertThat(loaded.settings().theme()).isEqualTo(Settings.LIGHT);
        assertThat(loaded.settings().context()).hasValue("prod");
    }

    @Test
    void theFolderIsOwnerOnlyAndTheFileToo() throws Exception {
        Path folder = dir.resolve("config").resolve("airlock");
        var store = new SettingsStore(folder);
        store.save(Settings.defaults());
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // A file that was readable by others becomes owner-only at the next save (atomic replace by a new file).
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        store.save(Settings.defaults().withTheme(Settings.DARK));
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void theFolderComesFromThePropertyThenXdgThenHome() {
        Path home = Path.of("/home/op");
        assertThat(SettingsStore.folder("/opt/airlock/config", Map.of("XDG_CONFIG_HOME", "/xdg"), home))
                .isEqualTo(Path.of("/opt/airlock/config"));
        assertThat(SettingsStore.folder(null, Map.of("XDG_CONFIG_HOME", "/xdg"), home)).isEqualTo(Path.of("/xdg/airlock"));
        assertThat(SettingsStore.folder("", Map.of("XDG_CONFIG_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/op/.config/airlock"));
        assertThat(SettingsStore.folder(null, Map.of(), home)).isEqualTo(Path.of("/home/op/.config/airlock"));
    }

    @Test
    void aFolderThatCannotBeCreatedIsReportedWithThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        var store = new SettingsStore(file.resolve("airlock"));
        var error = org.junit.jupiter.api.Assertions.assertThrows(io.stellaops.airlock.bundle.BundleException.class,
                () -> store.save(Settings.defaults()));
        assertThat(error.getMessage()).startsWith("cannot create the settings folder " + file.resolve("airlock") + ": ");
    }
}
