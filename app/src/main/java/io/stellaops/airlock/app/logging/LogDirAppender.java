package io.stellaops.airlock.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the log to {@code airlock.log} in the folder named by the system property
 * {@value #PROPERTY}, which the installed launcher sets to the user's XDG state folder
 * ({@code $XDG_STATE_HOME/airlock}, by default {@code ~/.local/state/airlock}). Without that
 * property it writes nothing and creates no file, so that {@code java -jar airlock.jar} keeps
 * logging to standard error only.
 *
 * <p>Logback 1.5.18 has no conditional configuration without Janino, hence this appender rather
 * than an {@code <if>} in {@code logback.xml}. The file is opened on the first event, not at
 * start-up: a command that logs nothing leaves no file behind, and the encoder is made then too,
 * so that configuring Logback costs nothing more without the property. {@link AppenderBase}
 * serialises the calls, so the lazy opening needs no lock of its own.
 */
public final class LogDirAppender extends AppenderBase<ILoggingEvent> {

    /** The system property naming the log folder. */
    public static final String PROPERTY = "airlock.log.dir";
    /** The file name inside that folder. */
    public static final String FILE_NAME = "airlock.log";

    /** One line per event, time in UTC. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, UTC} %level [%thread] %logger{0}: %msg%n";

    private String folderName;
    private FileAppender<ILoggingEvent> file;

    @Override
    public void start() {
        String folder = System.getProperty(PROPERTY, "");
        folderName = folder.isBlank() ? null : folder;
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (folderName == null) {
            return;
        }
        if (file == null) {
            createOwnerOnlyFolder(Path.of(folderName));
            var encoder = new PatternLayoutEncoder();
            encoder.setContext(getContext());
            encoder.setPattern(PATTERN);
            encoder.start();
            var appender = new FileAppender<ILoggingEvent>();
            appender.setContext(getContext());
            appender.setName(getName() + "-file");
            appender.setFile(Path.of(folderName, FILE_NAME).toString());
            appender.setAppend(true);
            appender.setEncoder(encoder);
            appender.start();
            file = appender;
        }
        file.doAppend(event);
    }

    @Override
    public void stop() {
        if (file != null) {
            file.stop();
        }
        super.stop();
    }

    /**
     * The log names clusters, kits and files in use: its folder is made readable by the user only, as
     * the settings folder is. A folder that already exists is left as it is; a failure here is
     * reported by the file appender when it cannot open the file.
     */
    private static void createOwnerOnlyFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not POSIX, or not creatable: the FileAppender creates it or reports why it cannot.
        }
    }

    /** The folder written to, or null when {@value #PROPERTY} is not set. */
    String folderName() {
        return folderName;
    }
}
