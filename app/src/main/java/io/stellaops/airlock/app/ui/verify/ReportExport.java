package io.stellaops.airlock.app.ui.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.verify.ReportHtml;
import io.stellaops.airlock.bundle.verify.ReportJson;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a verification report as evidence, chosen by the file's extension as
 * {@code airlock bundle verify --report} does: {@link ReportHtml#render} for {@code .html}, else
 * {@link ReportJson#report} as indented JSON (the document {@code --json} prints). Written
 * atomically so that a reader never sees half a report. An existing file is replaced: the user
 * confirmed that in the save dialog.
 */
public final class ReportExport {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(VerificationReport report, Path target) throws BundleException {
        AtomicFiles.write(target, isHtml(target) ? ReportHtml.render(report).getBytes(UTF_8) : json(report), false, true);
    }

    private byte[] json(VerificationReport report) {
        try {
            return (mapper.writeValueAsString(ReportJson.report(report)) + "\n").getBytes(UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    static boolean isHtml(Path target) {
        return String.valueOf(target.getFileName()).toLowerCase(Locale.ROOT).endsWith(".html");
    }

    /**
     * The file the save dialog returned, named for the format chosen by its filter: the dialog
     * starts with a {@code .json} name, so choosing the HTML filter alone would otherwise still write JSON.
     */
    static Path withFormat(Path target, boolean html) {
        if (!html || isHtml(target)) {
            return target;
        }
        String name = String.valueOf(target.getFileName());
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return target.resolveSibling(base + ".html");
    }

    /** Where the save dialog starts: beside the bundle, named after it. */
    public static String defaultFileName(VerificationReport report) {
        return report.archiveName() + ".verification.json";
    }
}
