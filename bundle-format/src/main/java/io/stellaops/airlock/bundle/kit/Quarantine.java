package io.stellaops.airlock.bundle.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.verify.ReportJson;
import io.stellaops.airlock.bundle.verify.VerificationReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a refused bundle out of the live kit but at hand for the reviewer: the archive and its
 * sidecars are copied (or moved) into {@code quarantine/<time>-<name>/} with a {@code reason.json}
 * saying what failed, the exit code, when, and the verification report as far as it got.
 */
final class Quarantine {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Quarantine() {
    }

    /** @return the quarantine folder */
    static Path put(KitLayout layout, Path archive, BundleException refusal, Optional<VerificationReport> report,
            boolean move, Instant now) throws IOException {
        Files.createDirectories(layout.quarantine());
        String base = STAMP.format(now) + "-" + sanitized(archive.getFileName().toString());
        Path folder = layout.quarantine().resolve(base);
        for (int n = 2; Files.exists(folder); n++) {
            folder = layout.quarantine().resolve(base + "-" + n);
        }
        Path staging = layout.quarantine().resolve("." + folder.getFileName() + ".partial");
        Files.createDirectory(staging);
        for (Path file : bundleFiles(archive)) {
            Path target = staging.resolve(file.getFileName().toString());
            if (move) {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.copy(file, target);
            }
        }
        ObjectNode reason = MAPPER.createObjectNode();
        reason.put("archive", archive.toAbsolutePath().toString());
        reason.put("failure", refusal.failure().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        reason.put("exitCode", refusal.failure().exitCode());
        reason.put("message", refusal.getMessage());
        reason.put("at", now.toString());
        reason.put("moved", move);
        report.ifPresent(r -> reason.set("report", ReportJson.report(r)));
        Files.write(staging.resolve("reason.json"), MAPPER.writeValueAsBytes(reason));
        KitFiles.fsyncTree(staging);
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(layout.quarantine());
        return folder;
    }

    static int count(KitLayout layout) throws IOException {
        if (!Files.isDirectory(layout.quarantine())) {
            return 0;
        }
        int count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.quarantine())) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The archive and the sidecars named after it. */
    static List<Path> bundleFiles(Path archive) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(archive)) {
            files.add(archive);
        }
        Path folder = archive.toAbsolutePath().getParent();
        String prefix = archive.getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && (name.endsWith(".sha256") || name.endsWith(".dsse.json") || name.endsWith(".sigstore.json"));
        })) {
            entries.forEach(files::add);
        }
        return files;
    }

    private static String sanitized(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._+-]", "_");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }
}
