package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code DevDatabase} holds the rules every user of a dev database follows: it must be clean before use, so that
 * what is inspected there is the user's alone, and it is left clean after, also when the work failed.
 */
public final class DevDatabase {

    private DevDatabase() {}

    /**
     * Checks that the dev database holds no table.
     *
     * @throws DatabaseException naming the first table found
     */
    public static void requireClean(Database dev) {
        if (!dev.dialect().name().equals("sqlite")) {
            List<UserTables.Name> tables = UserTables.of(dev);
            if (!tables.isEmpty()) {
                throw new DatabaseException("the dev database " + dev.url() + " is not clean: found table \""
                        + tables.get(0).table() + "\" in schema \""
                        + tables.get(0).schema() + "\"");
            }
            return;
        }
        for (Schema schema : dev.inspect(List.of()).schemas()) {
            if (!schema.tables().isEmpty()) {
                throw new DatabaseException("the dev database " + dev.url() + " is not clean: found table \""
                        + schema.tables().get(0).name() + "\" in schema \"" + schema.name() + "\"");
            }
        }
    }

    /**
     * Drops everything the work may have created: on SQLite the views and virtual tables first (virtual tables are
     * not in the model, and a view over a dropped table would fail the next inspection), then every object and
     * table of the model.
     */
    public static void clean(Database dev) {
        switch (dev.dialect().name()) {
            case "postgres" -> {
                ServerCleaner.cleanPostgres(dev);
                return;
            }
            case "mysql" -> {
                ServerCleaner.cleanMysql(dev);
                return;
            }
            default -> dropSqliteUnmodelled(dev);
        }
        List<SchemaChange> drops = SchemaChange.dropAll(dev.inspect(List.of()));
        if (!drops.isEmpty()) {
            PlanExecutor.execute(dev.connection(), dev.dialect().planner().plan(drops, PlanOptions.defaults()));
        }
    }

    /**
     * Runs work on a clean dev database and cleans it afterwards; a failure to clean after a failed work is added
     * to the work's exception, not thrown instead of it.
     */
    public static <T> T use(Database dev, java.util.function.Supplier<T> work) {
        return use(dev, ServerObjects.on(dev), work);
    }

    /**
     * Runs work as {@link #use(Database, java.util.function.Supplier)} does, then drops the server objects the work's
     * statements created through {@code created} (databases, roles, users, tablespaces), which cleaning the dev
     * database cannot reach: a shared dev server keeps nothing of the work. A failure to drop them after a failed work
     * is added to the work's exception.
     */
    public static <T> T use(Database dev, ServerObjects created, java.util.function.Supplier<T> work) {
        T result;
        try {
            result = useDatabase(dev, work);
        } catch (RuntimeException e) {
            try {
                created.drop();
            } catch (RuntimeException dropping) {
                e.addSuppressed(dropping);
            }
            throw e;
        }
        created.drop();
        return result;
    }

    private static <T> T useDatabase(Database dev, java.util.function.Supplier<T> work) {
        requireClean(dev);
        createBoundSchema(dev);
        // What the work may change outside its objects and cleaning cannot know the server's default of: read now.
        boolean postgres = dev.dialect().name().equals("postgres");
        Map<String, String> comments = postgres ? ServerCleaner.schemaComments(dev) : Map.of();
        DefaultPrivileges privileges =
                postgres ? ServerCleaner.defaultPrivileges(dev) : new DefaultPrivileges(Map.of());
        Map<String, ServerCleaner.MysqlSchema> schemas =
                dev.dialect().name().equals("mysql") ? ServerCleaner.mysqlSchemas(dev) : Map.of();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            try {
                cleanAfter(dev, comments, privileges, schemas);
            } catch (RuntimeException cleaning) {
                e.addSuppressed(cleaning);
            }
            throw e;
        }
        cleanAfter(dev, comments, privileges, schemas);
        return result;
    }

    /*
     * Cleans after a use, restoring the schema comments and the default privileges for all schemas a PostgreSQL dev
     * database had before it, and the schemas (charset, collation, comment; on an unbound URL, which schemas exist) a
     * MySQL/MariaDB one had.
     */
    private static void cleanAfter(
            Database dev,
            Map<String, String> comments,
            DefaultPrivileges privileges,
            Map<String, ServerCleaner.MysqlSchema> schemas) {
        switch (dev.dialect().name()) {
            case "postgres" -> ServerCleaner.cleanPostgres(dev, comments, privileges);
            case "mysql" -> ServerCleaner.cleanMysql(dev, schemas);
            default -> clean(dev);
        }
    }

    /**
     * Creates the schema a PostgreSQL dev URL is bound to when the database lacks it ({@code
     * embedded://postgres/17/dev?search_path=dev} names a fresh database, which has {@code public} only): the work
     * creates its objects unqualified, in that schema, and would otherwise fail with {@code no schema has been
     * selected to create in}. Cleaning recreates it, so it is there for the next use too.
     */
    private static void createBoundSchema(Database dev) {
        if (!dev.dialect().name().equals("postgres") || dev.boundSchema().isEmpty()) {
            return;
        }
        try (Statement statement = dev.connection().createStatement()) {
            statement.execute(
                    "CREATE SCHEMA IF NOT EXISTS \"" + dev.boundSchema().get().replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new DatabaseException(
                    "creating the schema \"" + dev.boundSchema().get() + "\" of the dev database " + dev.url() + ": "
                            + SqlErrors.message(e),
                    e);
        }
    }

    private static void dropSqliteUnmodelled(Database dev) {
        List<String> drops = new ArrayList<>();
        try (Statement query = dev.connection().createStatement();
                ResultSet rows = query.executeQuery("SELECT 'VIEW', name FROM sqlite_master WHERE type = 'view'"
                        + " UNION ALL SELECT 'TABLE', name FROM pragma_table_list"
                        + " WHERE schema = 'main' AND type = 'virtual'")) {
            while (rows.next()) {
                drops.add("DROP " + rows.getString(1) + " IF EXISTS \""
                        + rows.getString(2).replace("\"", "\"\"") + "\"");
            }
            for (String sql : drops) {
                try (Statement drop = dev.connection().createStatement()) {
                    drop.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cleaning the dev database " + dev.url() + ": " + SqlErrors.message(e), e);
        }
    }
}
