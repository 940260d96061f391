package io.stellaops.airlock.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's real {@code logback.xml}, loaded into a fresh Logback context of its own (not the
 * test JVM's): with {@code airlock.log.dir} it writes {@code airlock.log} there, without it no file.
 */
class LogDirAppenderTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(LogDirAppender.PROPERTY);
    }

    @Test
    void writesAirlockLogInTheFolderOfTheProperty(@TempDir Path temp) throws Exception {
        Path folder = temp.resolve("state/airlock");
        System.setProperty(LogDirAppender.PROPERTY, folder.toString());
        LoggerContext context = configured();
        try {
            context.getLogger("io.stellaops.airlock.app.ui.AirlockApplication").info("first window shown");
            context.getLogger("io.vertx.core").info("vert.x chatter stays out");
            context.getLogger("io.fabric8").warn("a warning of the HTTP stack");
        } finally {
            context.stop();
        }
        String log = Files.readString(folder.resolve(LogDirAppender.FILE_NAME));
        assertThat(log).contains("INFO [", "AirlockApplication: first window shown")
                .contains("WARN [", "a warning of the HTTP stack")
                .doesNotContain("vert.x chatter");
        assertThat(java.nio.file.Files.getPosixFilePermissions(folder))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void writesNoFileWithoutTheProperty(@TempDir Path temp) throws Exception {
        LoggerContext context = configured();
        try {
            context.getLogger("io.stellaops.airlock.app.ui.AirlockApplication").info("nowhere but nowhere");
            var appender = (LogDirAppender) context.getLogger("ROOT").getAppender("FILE");
            assertThat(appender.isStarted()).isTrue();
            assertThat(appender.folderName()).isNull();
        } finally {
            context.stop();
        }
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    private static LoggerContext configured() throws JoranException {
        var context = new LoggerContext();
        // What slf4j's Logback provider gives the context it makes; the appenders need it.
        context.setMDCAdapter(new LogbackMDCAdapter());
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogDirAppenderTest.class.getResource("/logback.xml"));
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getLevel() >= ch.qos.logback.core.status.Status.WARN);
        return context;
    }
}
