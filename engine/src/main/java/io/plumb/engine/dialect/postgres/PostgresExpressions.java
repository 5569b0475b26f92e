package io.plumb.engine.dialect.postgres;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code PostgresExpressions} compares SQL expressions as PostgreSQL prints them back ({@code (price > 0)},
 * {@code lower((name)::text)}, {@code name <> ''::text}) with the expressions a schema file declares.
 */
final class PostgresExpressions {

    // The casts PostgreSQL adds to literals and columns when it stores an expression.
    private static final Pattern CAST = Pattern.compile("::(?:\"?[a-z_][a-z0-9_]*\"?\\.)?\"?[a-z_][a-z0-9_]*\"?"
            + "(?: (?:varying|precision|with(?:out)? time zone))?(?:\\([0-9, ]*\\))?(?:\\[\\])?");

    private PostgresExpressions() {}

    /** Returns the expression without parentheses around the whole of it. */
    static String unwrap(String sql) {
        String text = sql.trim();
        while (isWrapped(text)) {
            text = text.substring(1, text.length() - 1).trim();
        }
        return text;
    }

    /** Returns the expression without one pair of parentheses around the whole of it, if it has one. */
    static String unwrapOnce(String sql) {
        String text = sql.trim();
        return isWrapped(text) ? text.substring(1, text.length() - 1).trim() : text;
    }

    /**
     * Returns the expression in parentheses unless one pair already encloses the whole of it, as the reference
     * writes a check ({@code CHECK (a > 0)} from both {@code a > 0} and {@code (a > 0)}) or a partition key part.
     */
    static String wrap(String sql) {
        String text = sql.trim();
        return isWrapped(text) ? text : "(" + text + ")";
    }

    private static boolean isWrapped(String text) {
        return text.startsWith("(") && text.endsWith(")") && closes(text);
    }

    // Whether the opening parenthesis at 0 is closed by the last character, outside string literals and quoted
    // identifiers.
    private static boolean closes(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /**
     * Returns the comparison key of an expression: casts dropped, parentheses and whitespace outside string
     * literals dropped, words lower-cased and identifier quotes removed. Dropping parentheses can equate two
     * expressions that differ only in grouping; PostgreSQL's reprinting makes exact comparison impossible without
     * parsing.
     */
    static String key(String sql) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        String text = sql;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                out.append(c);
            } else if (quoted) {
                out.append(c);
            } else if (c == ':' && text.startsWith("::", i)) {
                var m = CAST.matcher(text.toLowerCase(Locale.ROOT));
                if (m.find(i) && m.start() == i) {
                    i = m.end() - 1;
                } else {
                    out.append(c);
                }
            } else if (c != '(' && c != ')' && c != '"' && !Character.isWhitespace(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
