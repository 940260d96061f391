package io.stellaops.airlock.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.file.Path;

/**
 * Writes the log to {@code airlock.log} in the folder named by the system property
 * {@value #PROPERTY}, which the installed launcher sets to the user's XDG state folder
 * ({@code $XDG_STATE_HOME/airlock}, by default {@code ~/.local/state/airlock}). Without that
 * property it writes nothing and creates no file, so that {@code java -jar airlock.jar} keeps
 * logging to standard error only.
 *
 * <p>Logback 1.5.18 has no conditional configuration without Janino, hence this appender rather
 * than an {@code <if>} in {@code logback.xml}. The file is opened on the first event, not at
 * start-up: a command that logs nothing leaves no file behind. {@link AppenderBase} serialises
 * the calls, so the lazy opening needs no lock of its own.
 */
public final class LogDirAppender extends AppenderBase<ILoggingEvent> {

    /** The system property naming the log folder. */
    public static final String PROPERTY = "airlock.log.dir";
    /** The file name inside that folder. */
    public static final String FILE_NAME = "airlock.log";

    private Encoder<ILoggingEvent> encoder;
    private String folderName;
    private FileAppender<ILoggingEvent> file;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for appender " + getName());
            return;
        }
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

    /** The folder written to, or null when {@value #PROPERTY} is not set. */
    String folderName() {
        return folderName;
    }
}
