package io.plumb.engine.lint;

import io.plumb.engine.db.SqlText;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code StatementTarget} classifies the statements whose effect on the schema is confined to one table, so that
 * lint can re-read that table alone after them instead of the whole dev database. On SQLite ({@link #table}):
 * {@code CREATE TABLE t (...)}, {@code CREATE [UNIQUE] INDEX i ON t (...)} and {@code ALTER TABLE t ADD [COLUMN]
 * ...}, with names that are plain or double-quoted identifiers, optionally qualified by {@code main.}. On PostgreSQL
 * ({@link #postgres}) a few more kinds, whose names the database resolves. Drops of one table or index are classified
 * apart ({@link #sqliteDrop}, {@link #postgresDrop}): what they remove must be read before they run. Anything else
 * (renames, views, triggers, temporary tables, several statements in one) is not classified, and lint inspects
 * everything after it.
 */
final class StatementTarget {

    private static final String NAME = "(?:main\\.)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?is)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s*\\(");

    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+" + NAME + "\\s*\\(");

    private static final Pattern ADD_COLUMN =
            Pattern.compile("(?is)ALTER\\s+TABLE\\s+" + NAME + "\\s+ADD\\s+(?:COLUMN\\s+)?(?!CONSTRAINT\\b)");

    // PostgreSQL: to_regclass resolves the name as the statement spells it (case folding, search_path).
    private static final String PG_IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}0-9_$]*)";

    private static final String PG_NAME = "(" + PG_IDENT + "(?:\\s*\\.\\s*" + PG_IDENT + ")?)";

    private static final Pattern PG_CREATE_TABLE =
            Pattern.compile("(?is)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + PG_NAME + "\\s*\\(");

    private static final Pattern PG_CREATE_INDEX = Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
            + "(?:CONCURRENTLY\\s+)?(?:(?:IF\\s+NOT\\s+EXISTS\\s+)?" + PG_IDENT + "\\s+)?ON\\s+(?:ONLY\\s+)?"
            + PG_NAME + "\\s*(?:\\(|USING\\s)");

    private static final Pattern PG_COMMENT = Pattern.compile("(?is)COMMENT\\s+ON\\s+(?:(TABLE|INDEX)\\s+" + PG_NAME
            + "|(COLUMN)\\s+" + PG_NAME + "\\s*\\.\\s*" + PG_IDENT + ")\\s+IS\\s");

    private static final Pattern PG_ALTER_TABLE =
            Pattern.compile("(?is)ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + PG_NAME + "\\s+(?=\\S)");

    private static final Pattern PG_ACTION = Pattern.compile("(?is)(?:ADD|ALTER|DROP|VALIDATE\\s+CONSTRAINT)\\s.*"
            + "|(?:ENABLE|DISABLE|FORCE|NO\\s+FORCE)\\s+ROW\\s+LEVEL\\s+SECURITY");

    private static final Pattern PG_CASCADE = Pattern.compile("(?is)^\\s*DROP\\s.*\\bCASCADE\\b");

    // DROP TABLE t / DROP INDEX i of one relation, without CASCADE.
    private static final Pattern SQLITE_DROP =
            Pattern.compile("(?is)DROP\\s+(TABLE|INDEX)\\s+(?:IF\\s+EXISTS\\s+)?" + NAME);

    private static final Pattern PG_DROP = Pattern.compile("(?is)DROP\\s+(?:(TABLE)|INDEX(?:\\s+CONCURRENTLY)?)\\s+"
            + "(?:IF\\s+EXISTS\\s+)?" + PG_NAME + "(?:\\s+RESTRICT)?");

    private StatementTarget() {}

    /**
     * Returns the name of the one table the statement can change, unquoted, or empty when the statement is not of
     * a kind this class knows (or holds a second statement).
     */
    static Optional<String> table(String statement) {
        String text = single(statement);
        if (text.isEmpty()) {
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

    /**
     * Returns the relation a statement on PostgreSQL confines its schema change to, as the statement spells its
     * name, or empty when the statement is not of a kind this class knows. The kinds: {@code CREATE TABLE t (...)},
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] i] ON [ONLY] t ...}, {@code ALTER TABLE [IF
     * EXISTS] [ONLY] t} whose every action adds something, alters a column or constraint, drops a column or
     * constraint without {@code CASCADE}, validates a constraint or switches row level security, and {@code COMMENT
     * ON TABLE t}, {@code COMMENT ON COLUMN t.c} and {@code COMMENT ON INDEX i} (whose table is the target).
     */
    static Optional<Relation> postgres(String statement) {
        String text = single(statement);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = PG_CREATE_TABLE.matcher(text);
        if (m.lookingAt()) {
            return Optional.of(new Relation(m.group(1), false, true));
        }
        m = PG_CREATE_INDEX.matcher(text);
        if (m.lookingAt()) {
            return Optional.of(new Relation(m.group(1), false, false));
        }
        m = PG_COMMENT.matcher(text);
        if (m.lookingAt()) {
            if (m.group(1) == null) {
                return Optional.of(new Relation(m.group(4), false, false));
            }
            return Optional.of(new Relation(m.group(2), m.group(1).equalsIgnoreCase("INDEX"), false));
        }
        m = PG_ALTER_TABLE.matcher(text);
        if (m.lookingAt()) {
            for (String action : SqlText.splitTopLevel(text.substring(m.end()))) {
                if (!PG_ACTION.matcher(action.strip()).matches()
                        || PG_CASCADE.matcher(action).find()) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Relation(m.group(1), false, true));
        }
        return Optional.empty();
    }

    /**
     * Returns the table or index a SQLite statement drops, unquoted, or empty when the statement is not {@code DROP
     * TABLE [IF EXISTS] t} or {@code DROP INDEX [IF EXISTS] i} (optionally qualified by {@code main.}).
     */
    static Optional<Drop> sqliteDrop(String statement) {
        Matcher m = SQLITE_DROP.matcher(single(statement));
        return m.matches()
                ? Optional.of(new Drop(unquote(m.group(2)), m.group(1).equalsIgnoreCase("INDEX")))
                : Optional.empty();
    }

    /**
     * Returns the table or index a PostgreSQL statement drops, as the statement spells its name, or empty when the
     * statement is not {@code DROP TABLE [IF EXISTS] t [RESTRICT]} or {@code DROP INDEX [CONCURRENTLY] [IF EXISTS]
     * i [RESTRICT]} of one relation: {@code CASCADE} and lists are not classified.
     */
    static Optional<Drop> postgresDrop(String statement) {
        Matcher m = PG_DROP.matcher(single(statement));
        return m.matches() ? Optional.of(new Drop(m.group(2), m.group(1) == null)) : Optional.empty();
    }

    /**
     * A relation a statement drops.
     *
     * @param name the name: unquoted on SQLite; on PostgreSQL as the statement spells it, possibly qualified and quoted
     * @param index whether it is an index, whose table is then the table changed; else it is the table dropped
     */
    record Drop(String name, boolean index) {}

    /**
     * A relation a statement changes on PostgreSQL.
     *
     * @param name the name as the statement spells it, possibly qualified and quoted
     * @param index whether the name is an index's, whose table is the relation changed
     * @param sideEffects whether the statement can also change what the model keeps outside the table: a sequence
     *     (a serial column's, which the model keeps as a sequence once its column no longer matches it) or the
     *     count of an unsupported kind (a statistics object a dropped column takes along)
     */
    record Relation(String name, boolean index, boolean sideEffects) {}

    // The statement without its final semicolon, or empty when it holds another statement.
    private static String single(String statement) {
        String text = statement.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text.indexOf(';') >= 0 ? "" : text;
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }
}
