package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.bundle.manifest.FileEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Prints the file table of a bundle as aligned text columns: path, size, mode, role, SHA-256 and an optional status. */
final class FileTable {
    private FileTable() {
    }

    static void print(PrintWriter out, List<FileEntry> files, Function<FileEntry, String> path,
            Function<FileEntry, String> status) {
        int width = Math.max(4, files.stream().mapToInt(f -> path.apply(f).length()).max().orElse(4));
        String format = "%-" + width + "s  %12s  %4s  %-16s  %s%s%n";
        out.printf(format, "PATH", "SIZE", "MODE", "ROLE", "SHA256", status == null ? "" : "  STATUS");
        for (FileEntry file : files) {
            out.printf(format, path.apply(file), file.size(), file.modeOctal(), file.role().id(), file.sha256(),
                    status == null ? "" : "  " + status.apply(file));
        }
    }
}
