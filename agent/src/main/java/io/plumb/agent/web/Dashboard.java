package io.plumb.agent.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Dashboard} renders the agent's two pages as complete HTML documents, with no script: the list of
 * targets ({@code /}), and a target's page ({@code /targets/<name>}) with its drift report and changelog. Every
 * piece of text from a target, a database or a user is escaped.
 */
public final class Dashboard {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Dashboard() {}

    /** Returns the path of a target's page, relative to the dashboard's root. */
    public static String targetPath(String name) {
        return "/targets/" + Html.pathSegment(name);
    }

    /** Returns the page listing the targets, with counts per status. */
    public static String targetsPage(List<TargetRow> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TargetRow.STATUSES.forEach(s -> counts.put(s, 0));
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        StringBuilder html = new StringBuilder();
        head(html, "plumb agent: targets");
        html.append("<header><h1>plumb agent</h1><p class=\"total\">")
                .append(rows.size())
                .append(rows.size() == 1 ? " target" : " targets")
                .append("</p></header>\n<main>\n<ul class=\"counts\">\n");
        counts.forEach((status, count) -> html.append("<li class=\"count status-")
                .append(status)
                .append("\"><span class=\"n\">")
                .append(count)
                .append("</span> ")
                .append(status)
                .append("</li>\n"));
        html.append("</ul>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">No targets are configured.</p>\n");
        } else {
            html.append("<table class=\"targets\">\n<thead><tr><th>target</th><th>status</th><th>current</th>")
                    .append("<th>latest</th><th>pending</th><th>checked</th><th>message</th></tr></thead>\n<tbody>\n");
            rows.forEach(r -> row(html, r));
            html.append("</tbody>\n</table>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Returns a target's page: its status, the drift report (HCL diff, SQL, diagram) and the changelog. */
    public static String targetPage(TargetDetail detail) {
        TargetRow r = detail.row();
        StringBuilder html = new StringBuilder();
        head(html, "plumb agent: " + r.name());
        html.append("<header><p><a class=\"back\" href=\"/\">&larr; all targets</a></p><h1>")
                .append(Html.escape(r.name()))
                .append(' ')
                .append(badge(r.status()))
                .append("</h1></header>\n<main>\n<dl class=\"facts\">\n");
        fact(html, "current version", orNone(r.currentVersion()));
        fact(html, "latest version", orNone(r.latestVersion()));
        fact(html, "pending files", Integer.toString(r.pendingFiles()));
        fact(html, "checked", r.checkedAt() == null ? "not yet" : TIME.format(r.checkedAt()));
        html.append("</dl>\n");
        if (r.message() != null) {
            html.append("<pre class=\"message status-").append(r.status()).append("\">");
            html.append(Html.escape(r.message())).append("</pre>\n");
        }
        if (!detail.driftedObjects().isEmpty()) {
            html.append("<section class=\"drifted-objects\"><h2>Drifted objects</h2><ul>\n");
            detail.driftedObjects().stream().sorted().forEach(o -> html.append("<li><code>")
                    .append(Html.escape(o))
                    .append("</code></li>\n"));
            html.append("</ul></section>\n");
        }
        if (detail.hclDiff() != null) {
            html.append("<section><h2>Schema diff <small>(expected &rarr; actual)</small></h2>\n");
            html.append(DiffHtml.render(detail.hclDiff())).append("</section>\n");
        }
        if (detail.fixSql() != null) {
            sql(html, detail.fixSql(), detail.destructive());
        }
        if (detail.expected() != null) {
            html.append("<section><h2>Expected schema</h2>\n<p class=\"legend\">PK primary key &middot; FK foreign key")
                    .append(" &middot; <code>?</code> nullable &middot; <span class=\"drift-key\">red</span>: drifted")
                    .append("</p>\n<figure class=\"erd\">")
                    .append(Erd.svg(detail.expected(), detail.driftedObjects()))
                    .append("</figure></section>\n");
        } else if (detail.hclDiff() != null) {
            // A report read back from the store after a restart: the expected schema is not kept there.
            html.append("<section><h2>Expected schema</h2>\n<p class=\"legend\">The diagram is drawn again at the")
                    .append(" target's next check.</p></section>\n");
        }
        changelog(html, detail.changelog());
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, TargetRow r) {
        html.append("<tr class=\"target status-").append(r.status()).append("\">");
        html.append("<td class=\"name\"><a href=\"")
                .append(Html.escape(targetPath(r.name())))
                .append("\">");
        html.append(Html.escape(r.name())).append("</a></td>");
        html.append("<td>").append(badge(r.status())).append("</td>");
        html.append("<td class=\"version\">")
                .append(Html.escape(orNone(r.currentVersion())))
                .append("</td>");
        html.append("<td class=\"version\">")
                .append(Html.escape(orNone(r.latestVersion())))
                .append("</td>");
        html.append("<td class=\"pending\">").append(r.pendingFiles()).append("</td>");
        html.append("<td class=\"checked\">")
                .append(r.checkedAt() == null ? "not yet" : TIME.format(r.checkedAt()))
                .append("</td>");
        html.append("<td class=\"message\">")
                .append(r.message() == null ? "" : Html.escape(firstLine(r.message())))
                .append("</td></tr>\n");
    }

    private static void sql(StringBuilder html, String sql, boolean destructive) {
        html.append("<section class=\"fix\"><h2>SQL to bring the database back</h2>\n");
        if (destructive) {
            html.append("<p class=\"destructive\">&#9888; Possibly destructive: this SQL may drop data. ")
                    .append("Review it before applying.</p>\n");
        }
        html.append("<pre class=\"sql")
                .append(destructive ? " destructive" : "")
                .append("\">");
        html.append(Html.escape(sql)).append("</pre></section>\n");
    }

    private static void changelog(StringBuilder html, List<ChangelogEntry> entries) {
        html.append("<section class=\"changelog\"><h2>Changelog</h2>\n");
        if (entries.isEmpty()) {
            html.append("<p class=\"empty\">No schema changes seen yet.</p>\n");
        }
        for (ChangelogEntry e : entries) {
            html.append("<article class=\"change\"><h3><time>")
                    .append(TIME.format(e.time()))
                    .append("</time> ")
                    .append(Html.escape(e.summary()))
                    .append("</h3>\n")
                    .append(DiffHtml.render(e.diff()))
                    .append("</article>\n");
        }
        html.append("</section>\n");
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<dt>")
                .append(name)
                .append("</dt><dd>")
                .append(Html.escape(value))
                .append("</dd>\n");
    }

    private static String badge(String status) {
        return "<span class=\"badge status-" + status + "\">" + status + "</span>";
    }

    private static String orNone(@Nullable String value) {
        return value == null ? "none" : value;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " ...";
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title))
                .append("</title>\n<style>\n")
                .append(Styles.CSS)
                .append("</style>\n</head>\n<body>\n");
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
