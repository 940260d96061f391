package io.stellaops.airlock.bundle.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a verification report as evidence, the format chosen by the file's extension: the
 * self-contained page of {@link ReportHtml} for {@code .html}, else the indented JSON of
 * {@link ReportJson} (the document {@code --json} prints). Written atomically, so a reader never sees
 * half a report; the CLI's {@code --report} and the wizard's export both come here.
 */
public final class ReportFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    public static void write(VerificationReport report, Path target) throws BundleException {
        byte[] content = isHtml(target) ? ReportHtml.render(report).getBytes(UTF_8) : json(report);
        AtomicFiles.write(target, content, false, true);
    }

    public static boolean isHtml(Path target) {
        return String.valueOf(target.getFileName()).toLowerCase(Locale.ROOT).endsWith(".html");
    }

    private static byte[] json(VerificationReport report) {
        try {
            return (MAPPER.writeValueAsString(ReportJson.report(report)) + "\n").getBytes(UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
