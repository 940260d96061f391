package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every i18n key the UI uses exists in English and German, and both files hold the same keys.
 *
 * <p>Reads the sources rather than the compiled classes: a key passed to
 * {@code getString} only exists as a string literal in the source.
 */
class I18nKeysTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path UI_SOURCES = MODULE.resolve("src/main/java/io/stellaops/airlock/app/ui");
    private static final Path UI_RESOURCES = MODULE.resolve("src/main/resources/io/stellaops/airlock/app/ui");

    /** {@code text="%start.main.heading"}: FXMLLoader resolves a leading % from the bundle. */
    private static final Pattern FXML_KEY = Pattern.compile("=\\s*\"%([^\"]+)\"");
    /** {@code resources.getString("app.title")} and the like. */
    private static final Pattern GET_STRING_KEY = Pattern.compile("getString\\(\\s*\"([^\"]+)\"\\s*\\)");
    /** Any string literal shaped like a key, such as the title keys an enum hands to a controller. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private static Properties english;
    private static Properties german;

    @BeforeAll
    static void loadBundles() throws IOException {
        english = load(UI_RESOURCES.resolve("i18n/strings.properties"));
        german = load(UI_RESOURCES.resolve("i18n/strings_de.properties"));
    }

    @Test
    void everyFxmlKeyExistsInBothLanguages() throws IOException {
        Set<String> used = keysIn(UI_RESOURCES.resolve("fxml"), ".fxml", FXML_KEY);
        assertThat(used).as("keys found in FXML").isNotEmpty();
        assertDefinedInBoth(used);
    }

    @Test
    void everyKeyReadFromJavaExistsInBothLanguages() throws IOException {
        Set<String> used = keysIn(UI_SOURCES, ".java", GET_STRING_KEY);
        assertThat(used).as("keys passed to getString").contains("app.title");
        assertDefinedInBoth(used);
    }

    @Test
    void everyKeyShapedLiteralWithAKnownFeaturePrefixExists() throws IOException {
        Set<String> features = english.stringPropertyNames().stream()
                .map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> used = keysIn(UI_SOURCES, ".java", KEY_LITERAL).stream()
                .filter(literal -> features.contains(literal.substring(0, literal.indexOf('.'))))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as("key literals in UI sources").contains("start.next.verify.title");
        assertDefinedInBoth(used);
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(german.stringPropertyNames())
                .as("German keys compared with English")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void translationsKeepTheirPlaceholdersAndHaveText() {
        Map<String, String> mismatched = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String de = german.getProperty(key, "");
            if (de.isBlank() || en.isBlank() || !placeholders(en).equals(placeholders(de))) {
                mismatched.put(key, en + " | " + de);
            }
        }
        assertThat(mismatched).as("blank values or differing {n} placeholders").isEmpty();
    }

    private static void assertDefinedInBoth(Set<String> used) {
        assertThat(english.stringPropertyNames()).as("strings.properties").containsAll(used);
        assertThat(german.stringPropertyNames()).as("strings_de.properties").containsAll(used);
    }

    private static Set<String> keysIn(Path folder, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(MatchResult::group).collect(Collectors.toSet());
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
