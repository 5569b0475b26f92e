package io.plumb.engine.dialect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code BodyTokens} give the comparison key of a SQL or PL/pgSQL text that PostgreSQL keeps as written (a
 * function body): its tokens joined by one space, words lower-cased, comments dropped, and string literals, quoted
 * identifiers and dollar-quoted strings kept as they are. So {@code select v>0} and {@code SELECT v > 0} compare
 * equal, while {@code 'A'} and {@code 'a'} do not. A cast of an array constructor is compared as the server parses
 * it, on each element ({@link ArrayCasts}).
 */
final class BodyTokens {

    private static final String OPERATORS = "+-*/<>=~!@#%^&|`?";

    private BodyTokens() {}

    /** Returns the comparison key of a text. */
    static String key(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                tokens.add(sql.substring(i, end));
                i = end;
            } else if (c == '$' && !dollarTag(sql, i).isEmpty()) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                tokens.add(sql.substring(i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < n
                        && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
            } else if (OPERATORS.indexOf(c) >= 0) {
                int start = i;
                while (i < n
                        && OPERATORS.indexOf(sql.charAt(i)) >= 0
                        && !sql.startsWith("--", i)
                        && !sql.startsWith("/*", i)) {
                    i++;
                }
                tokens.add(sql.substring(start, Math.max(i, start + 1)));
                i = Math.max(i, start + 1);
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        // A final semicolon is not part of what the body does.
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(";")) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join(" ", ArrayCasts.distribute(tokens));
    }

    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    // $$ or $tag$ where tag is an identifier; a $1 parameter is not a dollar quote.
    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return sql.substring(start, i + 1);
        }
        return "";
    }
}
