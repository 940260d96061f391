package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.manifest.BundleManifest;
import java.util.Locale;

/**
 * A self-contained HTML page of a verification report, for a reviewer to file or print: the three
 * verdict lines, the bundle's metadata, each signature, each step and each file. No script, no
 * external resource; every value from the bundle is HTML-escaped.
 */
public final class ReportHtml {
    private ReportHtml() {
    }

    public static String render(VerificationReport report) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Airlock verification report: ").append(esc(report.archiveName())).append("</title>")
                .append("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#1b2430}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccd;padding:4px 8px;text-align:left}")
                .append("code{font-size:12px}.passed,.counted,.verified{color:#146c2e}.failed,.refused,.invalid,.untrusted{color:#a4161a}")
                .append(".skipped,.not_reached,.already_counted,.not_allowed{color:#6c6f75}</style></head><body>\n");
        html.append("<h1>Verification report</h1>\n<table>");
        row(html, "Archive", esc(report.archiveName()) + " (" + report.archiveSize() + " bytes"
                + report.compression().map(c -> ", " + c.id()).orElse("") + ")");
        row(html, "Archive SHA-256", "<code>" + esc(report.archiveSha256().orElse("not computed")) + "</code>");
        row(html, "Signed by", esc(report.check("signature").map(CheckResult::detail).orElse("not reached")));
        row(html, "Contents", esc(report.check("contents").map(CheckResult::detail).orElse("not reached")));
        row(html, "Verified", report.verified() ? "<strong class=\"verified\">yes</strong>"
                : "<strong class=\"refused\">NO</strong>: " + esc(report.failure().orElse("")));
        row(html, "Tool", esc(report.tool()));
        row(html, "Verified at", esc(report.verifiedAt().toString()));
        html.append("</table>\n");
        report.manifest().ifPresent(manifest -> bundle(html, manifest));
        report.authentication().filter(a -> !a.signatures().isEmpty()).ifPresent(a -> {
            html.append("<h2>Signatures</h2>\n<table><tr><th>#</th><th>Key id</th><th>Algorithm</th><th>Signer</th>")
                    .append("<th>Chain</th><th>Outcome</th><th>Detail</th></tr>\n");
            for (SignatureResult s : a.signatures()) {
                String outcome = s.outcome().name().toLowerCase(Locale.ROOT);
                html.append("<tr><td>").append(s.index()).append("</td><td><code>").append(esc(s.keyId()))
                        .append("</code></td><td>").append(esc(s.algorithm().orElse(""))).append("</td><td>")
                        .append(esc(s.signer().orElse(""))).append("</td><td>").append(esc(String.join(" < ", s.chain())))
                        .append("</td><td class=\"").append(outcome).append("\">").append(outcome.replace('_', ' '))
                        .append("</td><td>").append(esc(s.detail())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        });
        html.append("<h2>Steps</h2>\n<table><tr><th>Step</th><th>Result</th><th>Detail</th></tr>\n");
        for (CheckResult check : report.checks()) {
            String status = check.status().name().toLowerCase(Locale.ROOT);
            html.append("<tr><td>").append(esc(check.title())).append("</td><td class=\"").append(status).append("\">")
                    .append(status.replace('_', ' ')).append("</td><td>").append(esc(check.detail())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Files</h2>\n<table><tr><th>Path</th><th>Size</th><th>Mode</th><th>Role</th>")
                .append("<th>SHA-256</th><th>Result</th></tr>\n");
        for (FileResult file : report.files()) {
            String status = file.status().name().toLowerCase(Locale.ROOT);
            html.append("<tr><td>").append(esc(file.entry().path())).append("</td><td>").append(file.entry().size())
                    .append("</td><td>").append(file.entry().modeOctal()).append("</td><td>").append(esc(file.entry().role().id()))
                    .append("</td><td><code>").append(esc(file.entry().sha256())).append("</code></td><td class=\"")
                    .append(status).append("\">").append(status.replace('_', ' ')).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static void bundle(StringBuilder html, BundleManifest manifest) {
        html.append("<h2>Bundle</h2>\n<table>");
        row(html, "Name and version", esc(manifest.name() + " " + manifest.version()));
        row(html, "Generation", Long.toString(manifest.generation()));
        row(html, "Valid", esc(manifest.createdAt() + " to " + manifest.expiresAt()));
        row(html, "Producer", esc(manifest.producer().name() + " " + manifest.producer().version()));
        row(html, "Files", manifest.files().size() + " (" + manifest.totalSize() + " bytes)");
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String label, String valueHtml) {
        html.append("<tr><th>").append(esc(label)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    /** Escapes text for HTML element content and attribute values; control characters become spaces. */
    public static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
