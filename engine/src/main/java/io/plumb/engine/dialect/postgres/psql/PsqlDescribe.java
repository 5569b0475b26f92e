package io.plumb.engine.dialect.postgres.psql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code PsqlDescribe} renders what {@code psql -c '\d PATTERN'} prints for the relations a pattern matches, from
 * the catalogue of the connected database: per relation a title ({@code Table "public.users"}), the columns with
 * their type, collation, nullability and default, and the footers psql shows without {@code +} (indexes, checks,
 * foreign keys both ways, policies, statistics, rules, publications, triggers, partitioning and inheritance).
 *
 * <p>The text is psql's of the server's major version, as the server's own psql would print it in a fresh
 * session: names the deparsing functions print are qualified unless visible on psql's default {@code search_path}
 * ({@code "$user", public}), and time zones are UTC. Tables, partitioned tables, views, materialized views, foreign
 * tables and composite types are rendered; sequences and indexes, whose {@code \d} is another layout, are not.
 */
public final class PsqlDescribe {

    private static final String LOOKUP = "SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relname ~ ? COLLATE pg_catalog.default AND %s ORDER BY 2, 3";

    private static final String RELATION = "SELECT c.relkind, c.relpersistence, c.relchecks > 0, c.relhasindex,"
            + " c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, c.relispartition,"
            + " c.reltablespace, CASE WHEN c.reloftype <> 0 THEN c.reloftype::pg_catalog.regtype::text END"
            + " FROM pg_catalog.pg_class c WHERE c.oid = ?";

    // Stored and (from 18) virtual generated columns keep their expression in pg_attrdef, as defaults do.
    private static final String COLUMNS = "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) FROM pg_catalog.pg_attrdef d"
            + " WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef), a.attnotnull,"
            + " (SELECT l.collname FROM pg_catalog.pg_collation l, pg_catalog.pg_type t WHERE l.oid = a.attcollation"
            + " AND t.oid = a.atttypid AND a.attcollation <> t.typcollation), a.attidentity, a.attgenerated"
            + " FROM pg_catalog.pg_attribute a WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped"
            + " ORDER BY a.attnum";

    private PsqlDescribe() {}

    /**
     * Returns psql's {@code \d} output for a pattern such as {@code public.users}: each relation's table followed by
     * an empty line, as psql ends every table.
     *
     * @throws IllegalArgumentException when nothing matches the pattern, in psql's words, or a match is of a kind
     *     not rendered
     * @throws SQLException when a catalogue query fails
     */
    public static String describe(Connection connection, String pattern) throws SQLException {
        PsqlPattern parsed = PsqlPattern.parse(pattern);
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            savepoint = connection.setSavepoint();
        }
        try {
            try (Statement session = connection.createStatement()) {
                // The session psql starts in: deparsed names and timestamps depend on these.
                session.execute("SET LOCAL search_path TO \"$user\", public");
                session.execute("SET LOCAL TimeZone TO 'UTC'");
            }
            int version = serverVersion(connection);
            StringBuilder out = new StringBuilder();
            for (Match match : lookup(connection, parsed)) {
                out.append(describe(connection, version, match));
            }
            if (out.length() == 0) {
                throw new IllegalArgumentException("Did not find any relation named \"" + pattern + "\".");
            }
            return out.toString();
        } finally {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private record Match(long oid, String schema, String name) {}

    private static List<Match> lookup(Connection connection, PsqlPattern pattern) throws SQLException {
        String schemaCondition = pattern.schema() == null
                ? "pg_catalog.pg_table_is_visible(c.oid)"
                : "n.nspname ~ ? COLLATE pg_catalog.default";
        List<Match> matches = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(String.format(LOOKUP, schemaCondition))) {
            statement.setString(1, pattern.relation());
            if (pattern.schema() != null) {
                statement.setString(2, pattern.schema());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    matches.add(new Match(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return matches;
    }

    private static String describe(Connection connection, int version, Match match) throws SQLException {
        PsqlRelation relation;
        try (PreparedStatement statement = connection.prepareStatement(RELATION)) {
            statement.setLong(1, match.oid());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                relation = new PsqlRelation(
                        match.oid(),
                        match.schema(),
                        match.name(),
                        row.getString(1).charAt(0),
                        row.getString(2).charAt(0),
                        new PsqlRelation.Flags(
                                row.getBoolean(3),
                                row.getBoolean(4),
                                row.getBoolean(5),
                                row.getBoolean(6),
                                row.getBoolean(7),
                                row.getBoolean(8),
                                row.getBoolean(9)),
                        row.getLong(10),
                        row.getString(11));
            }
        }
        String title = relation.title();
        List<List<String>> rows = columns(connection, match.oid());
        List<String> footers = new PsqlFooters(connection, version, relation).all();
        return new PsqlTable(title, List.of("Column", "Type", "Collation", "Nullable", "Default"), rows, footers)
                .render();
    }

    private static List<List<String>> columns(Connection connection, long oid) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setLong(1, oid);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String expression = text(row.getString(3));
                    String identity = text(row.getString(6));
                    String generated = text(row.getString(7));
                    String shown;
                    if (identity.equals("a")) {
                        shown = "generated always as identity";
                    } else if (identity.equals("d")) {
                        shown = "generated by default as identity";
                    } else if (generated.equals("s")) {
                        shown = "generated always as (" + expression + ") stored";
                    } else if (generated.equals("v")) {
                        shown = "generated always as (" + expression + ")";
                    } else {
                        shown = expression;
                    }
                    rows.add(List.of(
                            row.getString(1),
                            row.getString(2),
                            text(row.getString(5)),
                            row.getBoolean(4) ? "not null" : "",
                            shown));
                }
            }
        }
        return rows;
    }

    private static int serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW server_version_num")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        }
    }

    /** Returns a value as psql prints it: SQL NULL is an empty string. */
    static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
