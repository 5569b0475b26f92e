package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        cleanPostgres(dev, schemaComments(dev));
    }

    /**
     * Cleans as {@link #cleanPostgres(Database)} does, giving the recreated schemas the comments they had before the
     * work ({@link #schemaComments(Database)} read then), not the ones the work set: a {@code COMMENT ON SCHEMA
     * public} of one desired state must not become part of the next one loaded on the same dev database.
     */
    static void cleanPostgres(Database dev, Map<String, String> comments) {
        List<String> schemas = new ArrayList<>();
        if (dev.boundSchema().isPresent()) {
            schemas.add(dev.boundSchema().get());
        } else {
            schemas.addAll(userSchemas(dev));
        }
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
