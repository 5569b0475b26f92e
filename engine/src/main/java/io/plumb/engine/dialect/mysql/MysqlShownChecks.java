package io.plumb.engine.dialect.mysql;

import java.util.Optional;

/**
 * {@code MysqlShownChecks} finds a check's expression in a {@code SHOW CREATE TABLE} text, for MariaDB before
 * 10.2.22, which has checks but no {@code CHECK_CONSTRAINTS} table. The server prints a table check on its own line,
 * {@code CONSTRAINT `name` CHECK (expr)}, and a column's check in the column's line, before its comment, {@code `c`
 * int(11) DEFAULT NULL CHECK (expr) COMMENT 'text'}, named after the column; the expression between the parentheses
 * is the text {@code CHECK_CONSTRAINTS.CHECK_CLAUSE} holds on later servers.
 */
final class MysqlShownChecks {

    private static final String CHECK = " CHECK (";

    private MysqlShownChecks() {}

    /** Returns the expression of the check of this name, if the text shows one. */
    static Optional<String> expression(String createTable, String name) {
        String quoted = MysqlDdl.quote(name);
        String constraint = "CONSTRAINT " + quoted + CHECK;
        for (String raw : createTable.split("\n")) {
            String line = raw.strip();
            if (line.startsWith(constraint)) {
                Optional<String> expr = closing(line, constraint.length() - 1, true);
                if (expr.isPresent()) {
                    return expr;
                }
            }
        }
        for (String raw : createTable.split("\n")) {
            String line = raw.strip();
            if (line.startsWith(quoted + " ")) {
                // The first CHECK outside strings and parentheses: a default or comment may hold the same words.
                int at = outside(line, quoted.length());
                return at < 0 ? Optional.empty() : closing(line, at + CHECK.length() - 1, false);
            }
        }
        return Optional.empty();
    }

    /** Returns where {@code CHECK (} first stands outside strings, identifiers and parentheses, or -1. */
    private static int outside(String line, int from) {
        return scan(line, from, (i, depth) -> depth == 0 && line.startsWith(CHECK, i));
    }

    /**
     * Returns what is between the parenthesis at {@code open} and the one that closes it, if {@code ends} only when
     * that one ends the line (before a separating comma); quoted strings and identifiers do not count.
     */
    private static Optional<String> closing(String line, int open, boolean ends) {
        int close = scan(line, open, (i, depth) -> depth == 0 && line.charAt(i) == ')');
        if (close < 0) {
            return Optional.empty();
        }
        String rest = line.substring(close + 1);
        return !ends || rest.isEmpty() || rest.equals(",")
                ? Optional.of(line.substring(open + 1, close))
                : Optional.empty();
    }

    /** Where a {@link #scan} stops: at a character outside quotes, given the parenthesis depth after it. */
    private interface Stop {
        boolean at(int index, int depth);
    }

    /**
     * Walks a line from {@code from}, skipping quoted strings and identifiers (a backslash escapes inside strings),
     * and returns the first index where {@code stop} holds, or -1.
     */
    private static int scan(String line, int from, Stop stop) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (stop.at(i, depth)) {
                return i;
            }
        }
        return -1;
    }
}
