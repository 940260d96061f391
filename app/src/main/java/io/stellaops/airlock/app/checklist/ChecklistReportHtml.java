package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.bundle.verify.ReportHtml;

/**
 * The report as one self-contained HTML page, for a reviewer to file or print: the verdict and the
 * run's facts, one row per check with its state, summary and fix, then each check's evidence. No
 * script, no external resource; every value is HTML-escaped.
 */
public final class ChecklistReportHtml {
    private ChecklistReportHtml() {
    }

    public static String render(ChecklistReport report) {
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Airlock checklist report</title>")
                .append("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#1b2430}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccd;padding:4px 8px;")
                .append("text-align:left;vertical-align:top}code{font-size:12px}")
                .append(".passed{color:#146c2e}.failed{color:#a4161a}.needs-operator{color:#9a5b00}")
                .append(".skipped,.pending,.running{color:#6c6f75}</style></head><body>\n");
        html.append("<h1>Operational checklist</h1>\n<table>");
        row(html, "Verdict", "<strong class=\"" + report.verdict().id() + "\">" + esc(report.verdict().id()) + "</strong>");
        row(html, "Checks", report.count(CheckState.PASSED) + " passed, " + report.count(CheckState.FAILED) + " failed, "
                + report.count(CheckState.NEEDS_OPERATOR) + " need an operator, " + report.count(CheckState.SKIPPED)
                + " skipped");
        report.only().ifPresent(only -> row(html, "Only", esc(only)));
        row(html, "Operator", esc(report.operator()));
        row(html, "Host", esc(report.host()));
        row(html, "Started", esc(report.startedAt().toString()));
        row(html, "Finished", esc(report.finishedAt().toString()));
        row(html, "Config", esc(report.configFile()) + "<br><code>sha256 " + esc(report.configSha256()) + "</code>");
        row(html, "Tool", esc(report.tool()));
        html.append("</table>\n<h2>Checks</h2>\n<table><tr><th>Check</th><th>State</th><th>Summary</th>")
                .append("<th>Fix</th></tr>\n");
        for (CheckOutcome outcome : report.outcomes()) {
            String state = outcome.state().id();
            html.append("<tr><td>").append(esc(outcome.title())).append("<br><code>").append(esc(outcome.id()))
                    .append("</code></td><td class=\"").append(state).append("\">").append(state)
                    .append(outcome.reason().map(r -> " (" + r.id() + ")").orElse("")).append("</td><td>")
                    .append(esc(outcome.summary())).append("</td><td>").append(esc(outcome.fixHint())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Evidence</h2>\n");
        for (CheckOutcome outcome : report.outcomes()) {
            if (outcome.evidence().isEmpty()) {
                continue;
            }
            html.append("<h3>").append(esc(outcome.title())).append("</h3>\n<table><tr><th>Time</th><th>Asked</th>")
                    .append("<th>Answer</th></tr>\n");
            for (Evidence item : outcome.evidence()) {
                html.append("<tr><td><code>").append(esc(item.at().toString())).append("</code></td><td><code>")
                        .append(esc(item.request())).append("</code></td><td>").append(esc(item.response()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String name, String valueHtml) {
        html.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    static String esc(String text) {
        return ReportHtml.esc(text);
    }
}
