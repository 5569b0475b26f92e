package io.plumb.agent.web;

/** {@code DiffHtml} renders a unified diff as a {@code <pre>} with one line element per line, coloured by kind. */
final class DiffHtml {

    private DiffHtml() {}

    static String render(String diff) {
        StringBuilder html = new StringBuilder("<pre class=\"diff\">");
        String body = diff.endsWith("\n") ? diff.substring(0, diff.length() - 1) : diff;
        for (String line : body.split("\r?\n", -1)) {
            html.append("<span class=\"").append(kind(line)).append("\">");
            html.append(Html.escape(line)).append("</span>");
        }
        return html.append("</pre>").toString();
    }

    private static String kind(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) {
            return "line file";
        }
        if (line.startsWith("@@")) {
            return "line hunk";
        }
        if (line.startsWith("+")) {
            return "line add";
        }
        if (line.startsWith("-")) {
            return "line del";
        }
        return "line ctx";
    }
}
