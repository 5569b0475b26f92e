package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DirReplay} rebuilds the state a migration directory describes by executing its files, in order, on a
 * clean dev database and inspecting the result, as {@code migrate diff} and {@code migrate validate --dev-url} do.
 * The dev database is left clean afterwards, also when a file fails.
 */
public final class DirReplay {

    private DirReplay() {}

    /**
     * Executes the files on the dev database and inspects its bound schema (or every schema of an unbound URL).
     *
     * @throws MigrateException when the dev database is not clean, a file cannot be read into statements ({@code
     *     NAME:line:col: ...}) or a statement fails ({@code executing statement "..." from version "V": ...})
     */
    public static Realm replay(Database dev, List<MigrationFile> files) {
        return replay(dev, files, List.of());
    }

    /**
     * Executes the files on the dev database and inspects the given schemas (all, or the bound one, when empty).
     *
     * @throws MigrateException as {@link #replay(Database, List)} does
     */
    public static Realm replay(Database dev, List<MigrationFile> files, List<String> schemas) {
        requireClean(dev);
        ScannerOptions options = ScannerOptions.forDialect(dev.dialect().name());
        Realm realm;
        try {
            for (MigrationFile file : files) {
                execute(dev, MigrationScript.parse(file, options));
            }
            realm = dev.inspect(schemas);
        } catch (RuntimeException e) {
            try {
                clean(dev);
            } catch (RuntimeException cleaning) {
                e.addSuppressed(cleaning);
            }
            throw e;
        }
        clean(dev);
        return realm;
    }

    /**
     * Checks that the dev database holds no table, so that what a replay inspects is the directory's alone.
     *
     * @throws MigrateException naming the first table found
     */
    public static void requireClean(Database dev) {
        for (Schema schema : dev.inspect(List.of()).schemas()) {
            if (!schema.tables().isEmpty()) {
                throw new MigrateException("the dev database " + dev.url() + " is not clean: schema \"" + schema.name()
                        + "\" has table \"" + schema.tables().get(0).name() + "\"");
            }
        }
    }

    private static void execute(Database dev, MigrationScript script) {
        for (Statement statement : script.statements()) {
            try (java.sql.Statement jdbc = dev.connection().createStatement()) {
                jdbc.execute(statement.text());
            } catch (SQLException e) {
                throw new MigrateException(
                        "executing statement \"" + statement.text() + "\" from version \""
                                + script.file().version() + "\": " + SqlErrors.message(e),
                        e);
            }
        }
    }

    /** Drops everything a replay may have created, so that the dev database is clean for the next user. */
    static void clean(Database dev) {
        if (dev.dialect().name().equals("sqlite")) {
            dropSqliteViews(dev);
        }
        List<SchemaChange> drops = SchemaChange.dropAll(dev.inspect(List.of()));
        if (!drops.isEmpty()) {
            PlanExecutor.execute(dev.connection(), dev.dialect().planner().plan(drops, PlanOptions.defaults()));
        }
    }

    // The model has no views, so dropping every table would leave the views a migration created behind, and the
    // next replay of the same directory would fail on them.
    private static void dropSqliteViews(Database dev) {
        List<String> views = new ArrayList<>();
        try (java.sql.Statement query = dev.connection().createStatement();
                ResultSet rows = query.executeQuery("SELECT name FROM sqlite_master WHERE type = 'view'")) {
            while (rows.next()) {
                views.add(rows.getString(1));
            }
            for (String view : views) {
                try (java.sql.Statement drop = dev.connection().createStatement()) {
                    drop.execute("DROP VIEW IF EXISTS \"" + view.replace("\"", "\"\"") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new MigrateException("cleaning the dev database " + dev.url() + ": " + SqlErrors.message(e), e);
        }
    }
}
