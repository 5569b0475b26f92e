package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code ServerCleaner} empties a PostgreSQL or MySQL/MariaDB dev database through plain SQL, without the dialect's
 * inspector: what a piece of work created there may be anything, including objects the model does not hold.
 */
final class ServerCleaner {

    private ServerCleaner() {}

    /**
     * Drops and recreates the bound schema, or every user schema of an unbound URL (recreating {@code public}), with
     * everything in them. A recreated schema gets its comment back ({@code public}'s "standard public schema"), so
     * that a desired state loaded on the dev database does not differ from its target by a comment the cleaning
     * removed.
     */
    static void cleanPostgres(Database dev) {
        cleanPostgres(dev, schemaComments(dev), null);
    }

    /**
     * Cleans as {@link #cleanPostgres(Database)} does, giving the recreated schemas the comments they had before the
     * work ({@link #schemaComments(Database)} read then), not the ones the work set: a {@code COMMENT ON SCHEMA
     * public} of one desired state must not become part of the next one loaded on the same dev database. With the
     * default privileges for all schemas read before the work, it brings those back too ({@link DefaultPrivileges}).
     */
    static void cleanPostgres(Database dev, Map<String, String> comments, @Nullable DefaultPrivileges privileges) {
        List<String> schemas = new ArrayList<>();
        if (dev.boundSchema().isPresent()) {
            schemas.add(dev.boundSchema().get());
        } else {
            schemas.addAll(userSchemas(dev));
        }
        // The work's session settings go back to the connection's, as its URL set them: a pg_dump file's
        // set_config('search_path', '', false), or a composite member's schema, must not outlive the work.
        dev.resetSession();
        List<String> statements = new ArrayList<>();
        // Event triggers belong to the database, not to a schema: dropping the schemas leaves them behind.
        for (String trigger : eventTriggers(dev)) {
            statements.add("DROP EVENT TRIGGER IF EXISTS " + quote(trigger));
        }
        for (String schema : schemas) {
            statements.add("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
        }
        for (String schema : dev.boundSchema().isPresent() ? schemas : List.of("public")) {
            statements.add("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
            String comment = comments.get(schema);
            if (comment != null) {
                statements.add("COMMENT ON SCHEMA " + quote(schema) + " IS '" + comment.replace("'", "''") + "'");
            }
        }
        run(dev, statements);
        if (privileges != null) {
            try {
                run(dev, privileges.restore(dev));
            } catch (SQLException e) {
                throw failure(dev, e);
            }
        }
    }

    /** Returns the default privileges for all schemas of a PostgreSQL database, to bring back after a use. */
    static DefaultPrivileges defaultPrivileges(Database dev) {
        try {
            return DefaultPrivileges.read(dev);
        } catch (SQLException e) {
            throw failure(dev, e);
        }
    }

    private static String quote(String schema) {
        return "\"" + schema.replace("\"", "\"\"") + "\"";
    }

    /** Returns the comments of the schemas of a PostgreSQL database, by schema name. */
    static Map<String, String> schemaComments(Database dev) {
        Map<String, String> comments = new HashMap<>();
        String sql = "SELECT nspname, obj_description(oid, 'pg_namespace') FROM pg_namespace"
                + " WHERE obj_description(oid, 'pg_namespace') IS NOT NULL";
        try (PreparedStatement query = dev.connection().prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                comments.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw failure(dev, e);
        }
        return comments;
    }

    /**
     * Drops every event, function, procedure, view and table (with its triggers; MariaDB's sequences and
     * system-versioned tables are tables to {@code DROP TABLE}) of the bound schema, or of every user schema, with
     * foreign key checks off.
     */
    static void cleanMysql(Database dev) {
        List<String> statements = new ArrayList<>();
        statements.add("SET FOREIGN_KEY_CHECKS = 0");
        String where = dev.boundSchema().isPresent() ? " = ?" : " NOT IN (" + UserTables.systemSchemas(dev) + ")";
        for (List<String> object : mysqlObjects(
                dev,
                "SELECT 'EVENT', EVENT_SCHEMA, EVENT_NAME FROM"
                        + " information_schema.EVENTS WHERE EVENT_SCHEMA" + where
                        + " UNION ALL SELECT ROUTINE_TYPE, ROUTINE_SCHEMA, ROUTINE_NAME FROM information_schema.ROUTINES"
                        + " WHERE ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE') AND ROUTINE_SCHEMA" + where)) {
            statements.add("DROP " + object.get(0) + " IF EXISTS " + mysqlName(object.get(1), object.get(2)));
        }
        for (UserTables.Name name : UserTables.of(dev)) {
            String qualified = mysqlName(name.schema(), name.table());
            statements.add((name.isView() ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + qualified);
        }
        statements.add("SET FOREIGN_KEY_CHECKS = 1");
        run(dev, statements);
    }

    /** The options of a MySQL/MariaDB schema a use may change: {@code comment} is null where the server has none. */
    record MysqlSchema(String charset, String collation, @Nullable String comment) {}

    /**
     * Returns the bound schema of a MySQL/MariaDB dev database, or every user schema of an unbound one, with its
     * charset, collation and (MariaDB 10.5+) comment, by name.
     */
    static Map<String, MysqlSchema> mysqlSchemas(Database dev) {
        Map<String, MysqlSchema> schemas = new LinkedHashMap<>();
        String where = dev.boundSchema().isPresent()
                ? " WHERE SCHEMA_NAME = ?"
                : " WHERE SCHEMA_NAME NOT IN (" + UserTables.systemSchemas(dev) + ")";
        try (PreparedStatement query =
                dev.connection().prepareStatement("SELECT * FROM information_schema.SCHEMATA" + where)) {
            if (dev.boundSchema().isPresent()) {
                query.setString(1, dev.boundSchema().get());
            }
            try (ResultSet rows = query.executeQuery()) {
                boolean commented = false;
                ResultSetMetaData columns = rows.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    commented |= columns.getColumnLabel(i).equalsIgnoreCase("SCHEMA_COMMENT");
                }
                while (rows.next()) {
                    schemas.put(
                            rows.getString("SCHEMA_NAME"),
                            new MysqlSchema(
                                    rows.getString("DEFAULT_CHARACTER_SET_NAME"),
                                    rows.getString("DEFAULT_COLLATION_NAME"),
                                    commented ? rows.getString("SCHEMA_COMMENT") : null));
                }
            }
        } catch (SQLException e) {
            throw failure(dev, e);
        }
        return schemas;
    }

    /**
     * Cleans as {@link #cleanMysql(Database)} does, then gives the schemas back the charset, collation and comment
     * they had before the work ({@link #mysqlSchemas(Database)} read then): an {@code ALTER DATABASE} of one desired
     * state must not become part of the next one loaded on the same dev database. On an unbound dev database the
     * schemas the work created are dropped, and those it dropped are created again.
     */
    static void cleanMysql(Database dev, Map<String, MysqlSchema> before) {
        cleanMysql(dev);
        Map<String, MysqlSchema> after = mysqlSchemas(dev);
        List<String> statements = new ArrayList<>();
        for (String schema : after.keySet()) {
            if (!before.containsKey(schema)) {
                statements.add("DROP DATABASE IF EXISTS " + mysqlName(schema));
            }
        }
        for (Map.Entry<String, MysqlSchema> entry : before.entrySet()) {
            MysqlSchema was = entry.getValue();
            MysqlSchema now = after.get(entry.getKey());
            if (was.equals(now)) {
                continue;
            }
            String options = " CHARACTER SET " + was.charset() + " COLLATE " + was.collation()
                    + (was.comment() == null ? "" : " COMMENT '" + mysqlString(was.comment()) + "'");
            statements.add((now == null ? "CREATE DATABASE IF NOT EXISTS " : "ALTER DATABASE ")
                    + mysqlName(entry.getKey())
                    + options);
            if (now == null && dev.boundSchema().equals(Optional.of(entry.getKey()))) {
                // Dropping the current schema left the session without one: the next use creates in it again.
                statements.add("USE " + mysqlName(entry.getKey()));
            }
        }
        run(dev, statements);
    }

    private static String mysqlString(String value) {
        return value.replace("\\", "\\\\").replace("'", "''");
    }

    private static String mysqlName(String schema) {
        return "`" + schema.replace("`", "``") + "`";
    }

    private static String mysqlName(String schema, String name) {
        return "`" + schema.replace("`", "``") + "`.`" + name.replace("`", "``") + "`";
    }

    private static List<List<String>> mysqlObjects(Database dev, String sql) {
        List<List<String>> objects = new ArrayList<>();
        try (PreparedStatement query = dev.connection().prepareStatement(sql)) {
            if (dev.boundSchema().isPresent()) {
                query.setString(1, dev.boundSchema().get());
                query.setString(2, dev.boundSchema().get());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    objects.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failure(dev, e);
        }
        return objects;
    }

    private static List<String> eventTriggers(Database dev) {
        List<String> triggers = new ArrayList<>();
        try (PreparedStatement query = dev.connection().prepareStatement("SELECT evtname FROM pg_event_trigger");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                triggers.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw failure(dev, e);
        }
        return triggers;
    }

    private static List<String> userSchemas(Database dev) {
        List<String> schemas = new ArrayList<>();
        String sql = "SELECT nspname FROM pg_namespace WHERE nspname <> 'information_schema'"
                + " AND nspname NOT LIKE 'pg\\_%' ORDER BY nspname";
        try (PreparedStatement query = dev.connection().prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw failure(dev, e);
        }
        return schemas;
    }

    private static void run(Database dev, List<String> statements) {
        try (Statement statement = dev.connection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw failure(dev, e);
        }
    }

    private static DatabaseException failure(Database dev, SQLException e) {
        return new DatabaseException("cleaning the dev database " + dev.url() + ": " + SqlErrors.message(e), e);
    }
}
