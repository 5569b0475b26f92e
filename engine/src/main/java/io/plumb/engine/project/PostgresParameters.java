package io.plumb.engine.project;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code PostgresParameters} turns a PostgreSQL query's numbered parameters ({@code $1}, {@code $2}, as the
 * reference's driver takes them) into the JDBC driver's {@code ?} placeholders, outside string literals, quoted
 * identifiers, dollar-quoted bodies and comments; a literal {@code ?} (the jsonb operator) is escaped as {@code ??}.
 */
final class PostgresParameters {

    /**
     * A query in JDBC form.
     *
     * @param sql the query with {@code ?} placeholders
     * @param order the parameter number (1-based) each placeholder binds, in placeholder order
     */
    record Query(String sql, List<Integer> order) {
        Query {
            order = List.copyOf(order);
        }
    }

    private PostgresParameters() {}

    static Query of(String query) {
        StringBuilder sql = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = quoted(query, i, c);
            } else if (c == '-' && query.startsWith("--", i)) {
                end = query.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && query.startsWith("/*", i)) {
                end = query.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '$'
                    && i + 1 < n
                    && Character.isDigit(query.charAt(i + 1))
                    && !identifierPart(query, i - 1)) {
                int digits = i + 1;
                while (digits < n && Character.isDigit(query.charAt(digits))) {
                    digits++;
                }
                order.add(Integer.parseInt(query.substring(i + 1, Math.min(digits, i + 10))));
                sql.append('?');
                i = digits;
                continue;
            } else if (c == '$' && (end = dollarQuoted(query, i)) > i) {
                // end is set by the condition.
            } else if (c == '?') {
                sql.append("??");
                i++;
                continue;
            } else {
                sql.append(c);
                i++;
                continue;
            }
            sql.append(query, i, end);
            i = end;
        }
        return new Query(sql.toString(), order);
    }

    // "$" inside an identifier (a$1) is part of it.
    private static boolean identifierPart(String query, int at) {
        return at >= 0 && (Character.isLetterOrDigit(query.charAt(at)) || query.charAt(at) == '_');
    }

    private static int quoted(String query, int start, char quote) {
        int i = start + 1;
        while (i < query.length()) {
            if (query.charAt(i) == quote) {
                if (i + 1 < query.length() && query.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return query.length();
    }

    // $tag$ ... $tag$; returns the start when there is no such tag here.
    private static int dollarQuoted(String query, int start) {
        int i = start + 1;
        while (i < query.length() && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_')) {
            i++;
        }
        if (i >= query.length() || query.charAt(i) != '$') {
            return start;
        }
        String tag = query.substring(start, i + 1);
        int close = query.indexOf(tag, i + 1);
        return close < 0 ? query.length() : close + tag.length();
    }
}
