package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code SchemaFingerprint} is a hash of the schema objects a statement recorded as in flight could change: on
 * PostgreSQL the relations, columns, indexes (with their validity), constraints, partitions, types and routines of
 * the URL's schemas; on MySQL and MariaDB the same from {@code information_schema}, with views, triggers and
 * events. Data, statistics and counters are left out, so only a schema change moves it.
 *
 * <p>The scope is the schema the URL is bound to, or every user schema of the database (PostgreSQL) or server
 * (MySQL) for an unbound URL. A change outside the scope does not move the fingerprint.
 */
final class SchemaFingerprint {

    private static final String PG_SCHEMAS = "SELECT nspname FROM pg_namespace WHERE nspname NOT IN"
            + " ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' ORDER BY nspname";

    private static final List<String> PG_QUERIES = List.of(
            "SELECT n.nspname, c.relname, c.relkind, c.relispartition, x.indisvalid, x.indisready,"
                    + " CASE WHEN x.indexrelid IS NULL THEN NULL ELSE pg_get_indexdef(x.indexrelid) END,"
                    + " (SELECT string_agg(p.inhparent::regclass::text, ',' ORDER BY p.inhseqno) FROM pg_inherits p"
                    + " WHERE p.inhrelid = c.oid)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_index x ON x.indexrelid = c.oid"
                    + " WHERE n.nspname = ANY (?) ORDER BY 1, 2",
            "SELECT n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                    + " pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE n.nspname = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2, 3",
            "SELECT n.nspname, c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.convalidated"
                    + " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                    + " WHERE n.nspname = ANY (?) ORDER BY 1, 2, 3",
            "SELECT n.nspname, t.typname, t.typtype, (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                    + " FROM pg_enum e WHERE e.enumtypid = t.oid) FROM pg_type t"
                    + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ANY (?) ORDER BY 1, 2",
            "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), md5(p.prosrc)"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = ANY (?) ORDER BY 1, 2, 3");

    private static final String MYSQL_SCHEMAS = "SELECT schema_name FROM information_schema.schemata WHERE"
            + " schema_name NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY 1";

    // Each query's first column is the schema it filters on; "IN (%s)" takes the scope.
    private static final List<String> MYSQL_QUERIES = List.of(
            "SELECT schema_name, default_character_set_name, default_collation_name FROM information_schema.schemata"
                    + " WHERE schema_name IN (%s) ORDER BY 1",
            "SELECT table_schema, table_name, table_type, engine, table_collation, create_options, table_comment"
                    + " FROM information_schema.tables WHERE table_schema IN (%s) AND table_type <> 'TEMPORARY'"
                    + " ORDER BY 1, 2",
            "SELECT table_schema, table_name, ordinal_position, column_name, column_default, is_nullable,"
                    + " column_type, collation_name, extra, column_comment, generation_expression"
                    + " FROM information_schema.columns WHERE table_schema IN (%s) ORDER BY 1, 2, 3",
            "SELECT table_schema, table_name, index_name, seq_in_index, non_unique, column_name, sub_part,"
                    + " index_type FROM information_schema.statistics WHERE table_schema IN (%s) ORDER BY 1, 2, 3, 4",
            "SELECT constraint_schema, table_name, constraint_name, constraint_type"
                    + " FROM information_schema.table_constraints WHERE constraint_schema IN (%s) ORDER BY 1, 2, 3, 4",
            "SELECT constraint_schema, constraint_name, table_name, referenced_table_name, unique_constraint_name,"
                    + " update_rule, delete_rule FROM information_schema.referential_constraints"
                    + " WHERE constraint_schema IN (%s) ORDER BY 1, 2, 3",
            "SELECT table_schema, table_name, view_definition FROM information_schema.views"
                    + " WHERE table_schema IN (%s) ORDER BY 1, 2",
            "SELECT routine_schema, routine_name, routine_type, routine_definition FROM information_schema.routines"
                    + " WHERE routine_schema IN (%s) ORDER BY 1, 2, 3",
            "SELECT trigger_schema, trigger_name, event_object_table, action_timing, event_manipulation,"
                    + " action_statement FROM information_schema.triggers WHERE trigger_schema IN (%s) ORDER BY 1, 2",
            "SELECT event_schema, event_name, event_definition, status FROM information_schema.events"
                    + " WHERE event_schema IN (%s) ORDER BY 1, 2");

    private SchemaFingerprint() {}

    /**
     * Returns the fingerprint of the database's schema scope, {@code h1:} and a base64 SHA-256.
     *
     * @throws SQLException when the catalog cannot be read
     */
    static String of(Database db) throws SQLException {
        MessageDigest digest = SumFile.sha256();
        Connection connection = db.connection();
        switch (db.dialect().name()) {
            case "postgres" -> {
                List<String> schemas = db.boundSchema().map(List::of).orElse(list(connection, PG_SCHEMAS));
                update(digest, String.join(",", schemas));
                for (String sql : PG_QUERIES) {
                    try (PreparedStatement query = connection.prepareStatement(sql)) {
                        query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
                        hashRows(digest, query);
                    }
                }
            }
            case "mysql" -> {
                List<String> schemas = db.boundSchema().map(List::of).orElse(list(connection, MYSQL_SCHEMAS));
                update(digest, String.join(",", schemas));
                if (!schemas.isEmpty()) {
                    String marks =
                            String.join(", ", schemas.stream().map(s -> "?").toList());
                    for (String sql : MYSQL_QUERIES) {
                        try (PreparedStatement query = connection.prepareStatement(String.format(sql, marks))) {
                            for (int i = 0; i < schemas.size(); i++) {
                                query.setString(i + 1, schemas.get(i));
                            }
                            hashRows(digest, query);
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException(
                    "no schema fingerprint for " + db.dialect().name());
        }
        return "h1:" + SumFile.base64(digest.digest());
    }

    /**
     * Returns the PostgreSQL indexes of the scope that are not valid, as {@code schema.index}: what an interrupted
     * {@code CREATE INDEX CONCURRENTLY} (or {@code DROP}) leaves behind.
     */
    static List<String> invalidIndexes(Database db) throws SQLException {
        if (!db.dialect().name().equals("postgres")) {
            return List.of();
        }
        Connection connection = db.connection();
        List<String> schemas = db.boundSchema().map(List::of).orElse(list(connection, PG_SCHEMAS));
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT n.nspname || '.' || c.relname"
                + " FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid ="
                + " c.relnamespace WHERE NOT x.indisvalid AND n.nspname = ANY (?) ORDER BY 1")) {
            query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private static List<String> list(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void hashRows(MessageDigest digest, PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    update(digest, value == null ? "\u0000" : value);
                }
                update(digest, "\u0002");
            }
        }
        update(digest, "\u0003");
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 1);
    }
}
