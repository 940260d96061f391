package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.bundle.archive.Compression;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the user entered, copied off the model's properties on the FX thread before the build
 * starts, so that the worker thread never reads a property. Text stays as typed: the library
 * parses it, with the same rules and messages as on the command line.
 *
 * @param sourceFolder the folder to bundle, or empty for the embedded sample
 * @param name         bundle name
 * @param version      bundle version
 * @param generation   generation as typed
 * @param createdAt    creation time as typed (RFC 3339 or epoch seconds; blank for now)
 * @param expiresIn    validity as typed (90d, 12h, P90D ...)
 * @param compression  archive compression
 * @param output       the archive to write
 * @param replace      whether an existing archive may be replaced
 */
public record BuildInputs(
        Optional<Path> sourceFolder,
        String name,
        String version,
        String generation,
        String createdAt,
        String expiresIn,
        Compression compression,
        Path output,
        boolean replace) {
}
