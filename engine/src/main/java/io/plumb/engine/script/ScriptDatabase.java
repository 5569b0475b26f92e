package io.plumb.engine.script;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * A {@code ScriptDatabase} is the database a script works on, under its {@link ScriptDialect}: SQLite's {@code
 * $WORK/atlas.sqlite}; on PostgreSQL a fresh database of its own on the embedded server, bound to the schema the
 * reference tool names {@code script_<name>} (its dev database the schema {@code script_<name>_dev} beside it, as the
 * reference keeps them); on MySQL (MariaDB) the schema {@code script_<name>} on the embedded server, and {@code
 * script_<name>_dev} for dev, as the reference names them. The SQLite dev database is in memory. Server databases are dropped when the script ends.
 */
public final class ScriptDatabase {

    private static final String KEY = ScriptDatabase.class.getName();
    private static final String URL_KEY = KEY + ".url";
    private static final String DEV_KEY = KEY + ".dev";
    private static final String DEV_DB_KEY = KEY + ".devDatabase";
    private static final String USED_KEY = KEY + ".used";
    private static final String SKIPPED_KEY = KEY + ".skipped";

    /** The dev-database URL of a SQLite script. */
    public static final String DEV_URL = "sqlite://dev?mode=memory";

    // One isolation per server (dialect and version) per JVM; never closed, as the server is not.
    private static final Map<String, Isolation> ISOLATIONS = new HashMap<>();

    // The MySQL schema names scripts hold, per JVM (whose embedded servers they share).
    private static final Map<String, Semaphore> RESERVED = new HashMap<>();

    private ScriptDatabase() {}

    /**
     * Prepares the script's database: on a server dialect, creates it and sets {@code $db} to its schema; on
     * SQLite, sets {@code $db} to {@code main}.
     */
    static void setup(ScriptContext script) {
        ScriptTarget target = ScriptTarget.of(script);
        ScriptDialect dialect = target.dialect();
        script.setenv("version", target.version());
        if (dialect != ScriptDialect.SQLITE) {
            script.defer(() -> requireUsed(script, dialect));
        }
        switch (dialect) {
            case SQLITE -> script.setenv("db", "main");
            case POSTGRES -> {
                String database = fresh(script, dialect);
                String schema = referenceSchema(script);
                createSchema(database, schema, script);
                script.putValue(URL_KEY, withSearchPath(database, schema));
                script.setenv("db", schema);
            }
            case MYSQL -> {
                String server = server(script, target);
                String schema = referenceSchema(script);
                reserve(script, schema);
                String url = createDatabase(script, server, schema);
                script.putValue(URL_KEY, url);
                script.setenv("db", schema);
                setCharset(script, url, schema);
            }
        }
    }

    /**
     * Sets {@code $charset} and {@code $collate} to the defaults of the script's MySQL schema, as the reference sets
     * them for HCL files that spell out the schema's attributes. Read from the server rather than assumed, since
     * they differ by version and configuration; the connection does not count as the script using its database.
     */
    private static void setCharset(ScriptContext script, String url, String schema) {
        try (Database db = Database.open(url, script.workDir());
                PreparedStatement query = db.connection()
                        .prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    script.setenv("charset", row.getString(1));
                    script.setenv("collate", row.getString(2));
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw new ScriptFailure("reading the charset of the script's schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** Returns the URL of the script's database, as the {@code atlas} command substitutes it for {@code URL}. */
    public static String url(ScriptContext script) {
        script.putValue(USED_KEY, Boolean.TRUE);
        return script.value(URL_KEY)
                .map(String.class::cast)
                .orElseGet(() -> "sqlite://file:" + file(script) + "?cache=shared&_fk=1");
    }

    /**
     * Returns the URL of the script's dev database, as the {@code atlas} command substitutes it for {@code
     * DEV_URL}; a server one is created on first use.
     */
    public static String devUrl(ScriptContext script) {
        ScriptDialect dialect = ScriptDialect.of(script);
        script.putValue(USED_KEY, Boolean.TRUE);
        if (dialect == ScriptDialect.SQLITE) {
            return DEV_URL;
        }
        return script.value(DEV_KEY).map(String.class::cast).orElseGet(() -> {
            String dev;
            if (dialect == ScriptDialect.POSTGRES) {
                // Beside the script's schema in its database, as the reference keeps it: what the script's schema
                // holds (a domain made with execsql, a function the migration directory made) is there for a desired
                // state that names it qualified.
                String database = databaseUrl(script);
                String schema = schema(script) + "_dev";
                createSchema(database, schema, script);
                dev = withSearchPath(database, schema);
            } else {
                dev = createDatabase(script, server(script, ScriptTarget.of(script)), schema(script) + "_dev");
            }
            script.putValue(DEV_KEY, dev);
            return dev;
        });
    }

    /**
     * Returns the URL the reference puts for {@code URL} in an archived {@code atlas.hcl}: on MySQL the server's,
     * bound to no schema (an env then names its schemas, {@code schemas = ["script_x"]}, and plans qualify their
     * statements with them), elsewhere the script's database as {@link #url}.
     */
    public static String projectUrl(ScriptContext script) {
        if (ScriptDialect.of(script) != ScriptDialect.MYSQL) {
            return url(script);
        }
        script.putValue(USED_KEY, Boolean.TRUE);
        return server(script, ScriptTarget.of(script));
    }

    /**
     * Returns the URL of the script's database bound to no schema, as the {@code atlas} and {@code plumb} commands
     * substitute it for {@code DB_URL}: PostgreSQL's without its {@code search_path}, so plans there qualify their
     * statements with the schema; SQLite's is always bound to {@code main}, and so is the same as {@link #url}.
     *
     * @throws ScriptFailure on MySQL, whose unbound URL is the whole server that every script shares
     */
    public static String databaseUrl(ScriptContext script) {
        return switch (ScriptDialect.of(script)) {
            case SQLITE -> url(script);
            case POSTGRES -> url(script).replaceFirst("[?&]search_path=[^&]*$", "");
            case MYSQL -> throw new ScriptFailure("DB_URL: on MySQL a URL bound to no schema is the whole server,"
                    + " which every script shares; use URL");
        };
    }

    /**
     * Returns the URL of a dev database bound to no schema, as the commands substitute it for {@code DEV_DB_URL},
     * for a desired state that names its schemas itself (a {@code pg_dump} file qualifying everything with {@code
     * public}). On PostgreSQL it is a second database of the script's, apart from the one {@code URL} and {@code
     * DEV_URL} share, so that what a desired state creates at database level (an extension) never meets the
     * script's.
     *
     * @throws ScriptFailure on MySQL, as {@link #databaseUrl}
     */
    public static String devDatabaseUrl(ScriptContext script) {
        return switch (ScriptDialect.of(script)) {
            case SQLITE -> devUrl(script);
            case POSTGRES -> {
                script.putValue(USED_KEY, Boolean.TRUE);
                // A database of its own: cleaning a dev database bound to no schema drops every schema in it.
                yield script.value(DEV_DB_KEY).map(String.class::cast).orElseGet(() -> {
                    String database = fresh(script, ScriptDialect.POSTGRES);
                    script.putValue(DEV_DB_KEY, database);
                    return database;
                });
            }
            case MYSQL -> throw new ScriptFailure("DEV_DB_URL: on MySQL a URL bound to no schema is the whole server,"
                    + " which every script shares; use DEV_URL");
        };
    }

    /**
     * Returns a command argument with {@code URL}, {@code DEV_URL}, {@code DB_URL} and {@code DEV_DB_URL} replaced by
     * their URLs.
     */
    public static String argument(ScriptContext script, String arg) {
        return switch (arg) {
            case "URL" -> url(script);
            case "DEV_URL" -> devUrl(script);
            case "DB_URL" -> databaseUrl(script);
            case "DEV_DB_URL" -> devDatabaseUrl(script);
            default -> arg;
        };
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

    /** Records that the script skips itself (its {@code only} line excludes the server), so the guard lets it be. */
    static void skipping(ScriptContext script) {
        script.putValue(SKIPPED_KEY, Boolean.TRUE);
    }

    /**
     * Fails a script that ran on a server dialect without ever being handed its database or dev database: such a
     * script ran on SQLite inside (a literal {@code sqlite://} URL, or none at all) and tested nothing of the
     * dialect its suite names. The check is on what the script was given, so it cannot be fooled by output that
     * happens to match.
     */
    private static void requireUsed(ScriptContext script, ScriptDialect dialect) {
        if (script.value(USED_KEY).isEmpty() && script.value(SKIPPED_KEY).isEmpty()) {
            throw new ScriptFailure("script never used its " + dialect.label() + " database: pass URL or DEV_URL"
                    + " (in atlas/plumb arguments or an archived atlas.hcl), run a database command such as query,"
                    + " or move it under sqlite/");
        }
    }

    /** Returns the URL of the script's embedded server, bound to no database; starts it on first use. */
    private static String server(ScriptContext script, ScriptTarget target) {
        try {
            return target.serverUrl();
        } catch (RuntimeException e) {
            throw new ScriptFailure(
                    "starting the " + target.dialect().label() + " server " + target.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reserves a MySQL schema name for the script until it ends. Scripts share the server (one per JVM), and two
     * scripts of one name (in different directories, or a directory run twice in parallel) would otherwise meet in
     * their {@code script_<name>}: the second waits for the first to end and drop it.
     */
    private static void reserve(ScriptContext script, String schema) {
        Semaphore reservation;
        synchronized (RESERVED) {
            reservation = RESERVED.computeIfAbsent(schema, name -> new Semaphore(1));
        }
        try {
            reservation.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptFailure("interrupted while waiting for another script's schema " + schema, e);
        }
        script.defer(reservation::release);
    }

    /**
     * Creates a database (a schema) of the name on a MySQL server, dropping a leftover of that name first (a run
     * that was killed; the name is reserved), and drops it when the script ends. Returns its URL.
     */
    private static String createDatabase(ScriptContext script, String server, String name) {
        String quoted = "`" + name.replace("`", "``") + "`";
        try (Database db = Database.open(server, script.workDir());
                Statement statement = db.connection().createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quoted);
            statement.execute("CREATE DATABASE " + quoted);
        } catch (SQLException | RuntimeException e) {
            throw new ScriptFailure("creating the script's database " + name + ": " + e.getMessage(), e);
        }
        script.defer(() -> {
            try (Database db = Database.open(server, script.workDir());
                    Statement statement = db.connection().createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + quoted);
            } catch (SQLException e) {
                throw new ScriptFailure("dropping the script's database " + name + ": " + e.getMessage(), e);
            }
        });
        return server + (server.endsWith("/") ? "" : "/") + name;
    }

    /** Creates a database for the script on the dialect's embedded server, dropped when the script ends. */
    private static String fresh(ScriptContext script, ScriptDialect dialect) {
        IsolatedDatabase database;
        try {
            database = isolation(ScriptTarget.of(script)).fresh();
        } catch (RuntimeException e) {
            throw new ScriptFailure("creating the script's " + dialect.label() + " database: " + e.getMessage(), e);
        }
        script.defer(database::close);
        return database.url();
    }

    private static synchronized Isolation isolation(ScriptTarget target) {
        return ISOLATIONS.computeIfAbsent(
                target.dialect().label() + "/" + target.serverVersion(),
                key -> Isolation.open(target.serverUrl(), Path.of("")));
    }

    /**
     * Returns the name the reference tool gives a script's schema, {@code script_} and the script's name with dashes
     * as underscores, so that expected output naming it ({@code Table "script_column_bit.t"}) matches.
     */
    private static String referenceSchema(ScriptContext script) {
        return "script_" + script.name().replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** Creates a schema in the script's own PostgreSQL database, which no other script sees. */
    private static void createSchema(String databaseUrl, String schema, ScriptContext script) {
        try (Database db = Database.open(databaseUrl, script.workDir());
                Statement statement = db.connection().createStatement()) {
            statement.execute("CREATE SCHEMA \"" + schema.replace("\"", "\"\"") + "\"");
        } catch (SQLException | RuntimeException e) {
            throw new ScriptFailure("creating the script's schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static String withSearchPath(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "search_path=" + schema;
    }

    private static Path file(ScriptContext script) {
        return script.workDir().resolve("atlas.sqlite");
    }
}
