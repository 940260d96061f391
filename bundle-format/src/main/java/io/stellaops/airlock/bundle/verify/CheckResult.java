package io.stellaops.airlock.bundle.verify;

/**
 * One step of a verification as a reviewer reads it in the report.
 *
 * @param id     stable identifier: signature, format, validity, limits, contents, archive-digest
 * @param title  short human title
 * @param status outcome
 * @param detail one line saying what was checked and what came out
 */
public record CheckResult(String id, String title, CheckStatus status, String detail) {
}
