package io.stellaops.airlock.bundle.build;

import java.nio.file.Path;

/**
 * A regular file found in a source folder.
 *
 * @param path       its bundle path, relative and '/'-separated
 * @param location   where it is on disk
 * @param size       its size when scanned
 * @param executable whether any execute bit is set (bundled as 0755, else 0644)
 */
public record SourceFile(String path, Path location, long size, boolean executable) {
}
