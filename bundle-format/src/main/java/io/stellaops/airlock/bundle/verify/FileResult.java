package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.manifest.FileEntry;

/**
 * One payload file in the report: what the manifest lists and whether the archive matched it.
 *
 * @param entry  the manifest's entry
 * @param status PASSED when size and digest matched, FAILED when not, NOT_REACHED when an earlier failure stopped the pass
 */
public record FileResult(FileEntry entry, CheckStatus status) {
}
