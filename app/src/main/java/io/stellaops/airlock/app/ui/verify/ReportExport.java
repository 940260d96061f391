package io.stellaops.airlock.app.ui.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.verify.ReportJson;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Path;

/**
 * Writes a verification report as evidence: {@link ReportJson#report} as indented JSON, the same
 * document {@code airlock bundle verify --json} prints, written atomically so that a reader never
 * sees half a report. An existing file is replaced: the user confirmed that in the save dialog.
 */
public final class ReportExport {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(VerificationReport report, Path target) throws BundleException {
        byte[] json;
        try {
            json = (mapper.writeValueAsString(ReportJson.report(report)) + "\n").getBytes(UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
        AtomicFiles.write(target, json, false, true);
    }

    /** Where the save dialog starts: beside the bundle, named after it. */
    public static String defaultFileName(VerificationReport report) {
        return report.archiveName() + ".verification.json";
    }
}
