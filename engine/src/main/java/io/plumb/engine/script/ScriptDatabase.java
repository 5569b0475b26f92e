package io.plumb.engine.script;

import io.plumb.engine.db.Database;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.nio.file.Path;

/**
 * A {@code ScriptDatabase} is the database a script works on: SQLite's {@code $WORK/atlas.sqlite}, opened once
 * per script and closed when the script ends.
 */
public final class ScriptDatabase {

    private static final String KEY = ScriptDatabase.class.getName();

    /** The dev-database URL of a SQLite script. */
    public static final String DEV_URL = "sqlite://dev?mode=memory";

    private ScriptDatabase() {}

    /** Returns the URL of the script's database, as the {@code atlas} command substitutes it for {@code URL}. */
    public static String url(ScriptContext script) {
        return "sqlite://file:" + file(script) + "?cache=shared&_fk=1";
    }

    /** Returns the name of the script's schema, {@code $db}. */
    public static String schema(ScriptContext script) {
        return script.getenv("db").isEmpty() ? "main" : script.getenv("db");
    }

    /** Returns the script's database, opening it on first use. */
    public static Database open(ScriptContext script) {
        return script.value(KEY).map(Database.class::cast).orElseGet(() -> {
            try {
                Database db = Database.open(url(script), script.workDir());
                script.putValue(KEY, db);
                script.defer(db::close);
                return db;
            } catch (RuntimeException e) {
                throw new ScriptFailure("opening the script database: " + e.getMessage());
            }
        });
    }

    private static Path file(ScriptContext script) {
        return script.workDir().resolve("atlas.sqlite");
    }
}
