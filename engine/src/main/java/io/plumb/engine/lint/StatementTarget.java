package io.plumb.engine.lint;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code StatementTarget} classifies the statements whose effect on the schema is confined to one table, so that
 * lint can re-read that table alone after them instead of the whole dev database: {@code CREATE TABLE t (...)},
 * {@code CREATE [UNIQUE] INDEX i ON t (...)} and {@code ALTER TABLE t ADD [COLUMN] ...}. Anything else (renames,
 * drops, views, triggers, temporary tables, several statements in one) is not classified, and lint inspects
 * everything after it. Names are plain or double-quoted identifiers, optionally qualified by {@code main.}.
 */
final class StatementTarget {

    private static final String NAME = "(?:main\\.)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?is)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s*\\(");

    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+" + NAME + "\\s*\\(");

    private static final Pattern ADD_COLUMN =
            Pattern.compile("(?is)ALTER\\s+TABLE\\s+" + NAME + "\\s+ADD\\s+(?:COLUMN\\s+)?(?!CONSTRAINT\\b)");

    private StatementTarget() {}

    /**
     * Returns the name of the one table the statement can change, unquoted, or empty when the statement is not of
     * a kind this class knows (or holds a second statement).
     */
    static Optional<String> table(String statement) {
        String text = statement.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        if (text.indexOf(';') >= 0) {
            return Optional.empty();
        }
        Matcher m = CREATE_TABLE.matcher(text);
        if (m.lookingAt()) {
            return Optional.of(unquote(m.group(1)));
        }
        m = CREATE_INDEX.matcher(text);
        if (m.lookingAt()) {
            return Optional.of(unquote(m.group(2)));
        }
        m = ADD_COLUMN.matcher(text);
        if (m.lookingAt()) {
            return Optional.of(unquote(m.group(1)));
        }
        return Optional.empty();
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }
}
