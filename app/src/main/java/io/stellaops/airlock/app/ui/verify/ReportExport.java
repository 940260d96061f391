package io.stellaops.airlock.app.ui.verify;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.verify.ReportFiles;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The wizard's side of exporting a verification report: the file is written by
 * {@link ReportFiles} exactly as {@code airlock bundle verify --report} writes it; this class adds
 * what only a save dialog needs (the default name, the extension of the chosen filter). An
 * existing file is replaced: the user confirmed that in the save dialog.
 */
public final class ReportExport {

    public void write(VerificationReport report, Path target) throws BundleException {
        ReportFiles.write(report, target);
    }

    static boolean isHtml(Path target) {
        return ReportFiles.isHtml(target);
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
