package io.plumb.runner.internal;

/** Temporary: replaced by the full Go quoting. */
final class GoQuote {
    private GoQuote() {}

    static String backquoted(String s) {
        if (s.indexOf('`') < 0 && s.chars().noneMatch(c -> c < 0x20 && c != '\t')) {
            return "`" + s + "`";
        }
        return quote(s);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
