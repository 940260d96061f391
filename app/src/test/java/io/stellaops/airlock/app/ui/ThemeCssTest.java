package io.stellaops.airlock.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.stellaops.airlock.app.ui.common.Theme;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both palettes define the same colours, and the shared rules use no colour a palette lacks, so
 * switching theme never leaves a rule without its colour.
 */
class ThemeCssTest {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern DEFINED = Pattern.compile("(-airlock-[a-z-]+)\\s*:");
    private static final Pattern USED = Pattern.compile(":[^;{}]*?(-airlock-[a-z-]+)|[ ,(](-airlock-[a-z-]+)");

    @Test
    void bothPalettesDefineEveryColourTheRulesUse() throws Exception {
        Set<String> light = matches(DEFINED, css(Theme.LIGHT.palette()));
        assertThat(light).contains("-airlock-background", "-airlock-accent", "-airlock-danger");
        assertThat(matches(DEFINED, css(Theme.DARK.palette()))).isEqualTo(light);
        Set<String> used = matches(USED, css(Theme.rules()));
        used.removeAll(matches(DEFINED, css(Theme.rules())));
        assertThat(light).containsAll(used);
        assertThat(css(Theme.rules())).contains(".job-card", ".footer");
    }

    private static String css(String url) throws IOException {
        return COMMENT.matcher(Files.readString(Path.of(URI.create(url)))).replaceAll("");
    }

    private static Set<String> matches(Pattern pattern, String css) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(css);
        while (matcher.find()) {
            for (int g = 1; g <= matcher.groupCount(); g++) {
                if (matcher.group(g) != null) {
                    names.add(matcher.group(g));
                }
            }
        }
        return names;
    }
}
