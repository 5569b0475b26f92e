package io.plumb.engine.lint;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code StatementText} is a statement's text reduced for keyword tests: comments and quoted literals blanked out,
 * white space collapsed to single blanks, upper case; the dialect analyzers read from it what the inspected schema
 * does not keep, such as {@code CONCURRENTLY} or {@code NOT VALID}. It is read on PostgreSQL, where {@code #} is an
 * operator, not a comment.
 */
final class StatementText {

    private final String text;

    private StatementText(String text) {
        this.text = text;
    }

    /** Returns the reduced text of a statement. */
    static StatementText of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                out.append(' ');
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
            } else if (c == '\'') {
                // A literal's content never decides a keyword test: keep the quotes, drop what is inside.
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == '\'' && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                        end += 2;
                    } else if (sql.charAt(end) == '\'') {
                        break;
                    } else {
                        end++;
                    }
                }
                out.append("''");
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return new StatementText(out.toString().replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT));
    }

    /** Returns whether the reduced text matches a regular expression somewhere ({@code find}). */
    boolean has(String regex) {
        return Pattern.compile(regex).matcher(text).find();
    }

    /** Returns whether the reduced text starts with a regular expression. */
    boolean startsWith(String regex) {
        return Pattern.compile("^(?:" + regex + ")").matcher(text).find();
    }

    @Override
    public String toString() {
        return text;
    }
}
