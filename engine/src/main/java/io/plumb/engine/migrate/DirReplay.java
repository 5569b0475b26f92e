package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.devdb.DevDatabase;
import io.plumb.engine.devdb.ServerObjects;
import io.plumb.engine.schema.Realm;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code DirReplay} rebuilds the state a migration directory describes by executing its files, in order, on a
 * clean dev database and inspecting the result, as {@code migrate diff} and {@code migrate validate --dev-url} do.
 * The dev database is left clean afterwards, also when a file fails.
 */
public final class DirReplay {

    private DirReplay() {}

    /**
     * Executes the files on the dev database, as a database without a history runs them (from the last checkpoint
     * file on), and inspects its bound schema (or every schema of an unbound URL).
     *
     * @throws io.plumb.engine.db.DatabaseException when the dev database is not clean
     * @throws MigrateException when a file cannot be read into statements ({@code
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
        ScannerOptions options = ScannerOptions.forDialect(dev.dialect().name());
        // What the files create on the server (a database, a role) is dropped once the state is read.
        ServerObjects created = ServerObjects.on(dev);
        return DevDatabase.use(dev, created, () -> {
            for (MigrationFile file : History.fromLastCheckpoint(files)) {
                execute(dev, created, MigrationScript.parse(file, options));
            }
            // A pg_dump baseline empties the search_path: the state is read as the URL's session reads it.
            dev.resetSession();
            return dev.inspect(schemas);
        });
    }

    private static void execute(Database dev, ServerObjects created, MigrationScript script) {
        GuardedRun guarded = new GuardedRun(script);
        for (int i = 0; i < script.statements().size(); i++) {
            Statement statement = script.statements().get(i);
            Guard.Verdict verdict = guarded.at(i, dev.connection());
            if (verdict.halts()) {
                throw new MigrateException(verdict.message().orElseThrow());
            }
            if (!verdict.runs()) {
                continue;
            }
            try {
                created.execute(statement.text());
            } catch (SQLException e) {
                throw new MigrateException(
                        script.position(statement) + ": executing statement \""
                                + script.file().shown(statement)
                                + "\" from version \""
                                + script.file().version() + "\": " + SqlErrors.message(e),
                        e);
            }
        }
    }
}
