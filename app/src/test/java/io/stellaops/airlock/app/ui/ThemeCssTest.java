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

/** Light and dark style sheets style the same things, so switching theme never loses a rule. */
class ThemeCssTest {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern SELECTOR = Pattern.compile("([^{}]+)\\{");

    @Test
    void lightAndDarkDefineTheSameSelectors() throws Exception {
        Set<String> light = selectors(Theme.LIGHT);
        assertThat(light).contains(".root", ".job-card", ".footer");
        assertThat(selectors(Theme.DARK)).isEqualTo(light);
    }

    private static Set<String> selectors(Theme theme) throws IOException {
        String css = COMMENT.matcher(Files.readString(Path.of(URI.create(theme.stylesheet())))).replaceAll("");
        Set<String> selectors = new TreeSet<>();
        Matcher matcher = SELECTOR.matcher(css);
        while (matcher.find()) {
            selectors.add(matcher.group(1).trim());
        }
        return selectors;
    }
}
