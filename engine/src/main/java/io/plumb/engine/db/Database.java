package io.plumb.engine.db;

import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.sqlite.SqliteDialect;
import io.plumb.engine.schema.Realm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@code Database} is an open connection to a database named by a URL, with the dialect that speaks to it.
 *
 * <p>A URL is schema-bound when it names one schema (SQLite's {@code main}, a MySQL database, a PostgreSQL
 * {@code search_path}); DDL for a schema-bound target is unqualified.
 */
public final class Database implements AutoCloseable {

    private final DatabaseUrl url;
    private final Dialect dialect;
    private final Connection connection;
    private final Optional<String> boundSchema;
    private Optional<Path> createdFile = Optional.empty();

    private Database(DatabaseUrl url, Dialect dialect, Connection connection, Optional<String> boundSchema) {
        this.url = url;
        this.dialect = dialect;
        this.connection = connection;
        this.boundSchema = boundSchema;
    }

    /**
     * Opens the database a URL names; relative SQLite paths resolve against the working directory.
     *
     * @throws InvalidUrlException when the URL is not one Plumb can open
     * @throws DatabaseException when the database cannot be reached
     */
    public static Database open(String url, Path workingDirectory) {
        return open(DatabaseUrl.parse(url), workingDirectory);
    }

    /** Opens the database a parsed URL names. */
    public static Database open(DatabaseUrl url, Path workingDirectory) {
        if (!url.scheme().startsWith("sqlite")) {
            // Only the server drivers log; silencing them loads java.util.logging, which SQLite does not need.
            DriverLogs.silence();
        }
        return switch (url.scheme()) {
            case "sqlite", "sqlite3" -> openSqlite(url, workingDirectory);
            case "postgres", "postgresql" -> PostgresConnector.open(url, url);
            case "mysql", "maria", "mariadb" -> MysqlConnector.open(url, url);
            case "embedded" -> EmbeddedConnector.open(url);
            case "docker" -> DockerConnector.open(url);
            default -> throw new InvalidUrlException(
                    url.original(),
                    "unsupported scheme \"" + url.scheme()
                            + "\" (expected sqlite, postgres, postgresql, mysql, maria, mariadb, embedded or docker)");
        };
    }

    /** Wraps an open connection; the connectors of each scheme call this once they know the bound schema. */
    static Database of(DatabaseUrl url, Dialect dialect, Connection connection, Optional<String> boundSchema) {
        return new Database(url, dialect, connection, boundSchema);
    }

    private static Database openSqlite(DatabaseUrl url, Path workingDirectory) {
        String jdbc = "jdbc:sqlite:" + SqliteDsn.of(url, workingDirectory);
        Optional<Path> missing = SqliteDsn.file(url, workingDirectory).filter(f -> !Files.exists(f));
        try {
            // The driver itself, not DriverManager: its first use loads and initializes every driver on the class
            // path (PostgreSQL, MariaDB, MySQL), a noticeable part of a short command's start-up.
            Connection connection = new org.sqlite.JDBC().connect(jdbc, new Properties());
            if (connection == null) {
                throw new SQLException("not a SQLite JDBC URL: " + jdbc);
            }
            SqliteDsn.configure(url, connection);
            Database database = new Database(url, new SqliteDialect(), connection, Optional.of("main"));
            database.createdFile = missing;
            return database;
        } catch (SQLException e) {
            throw new DatabaseException("cannot open " + url + ": " + SqlErrors.message(e), e);
        }
    }

    /** Returns the URL this database was opened with. */
    public DatabaseUrl url() {
        return url;
    }

    /** Returns the dialect of this database. */
    public Dialect dialect() {
        return dialect;
    }

    /** Returns the JDBC connection. */
    public Connection connection() {
        return connection;
    }

    /** Returns the schema the URL is bound to, or empty for a database- or server-bound URL. */
    public Optional<String> boundSchema() {
        return boundSchema;
    }

    /**
     * Undoes the session settings that SQL run on this connection made, so that what follows sees the session its URL
     * opened: a pg_dump file empties PostgreSQL's {@code search_path}, which would make the catalogue print every name
     * qualified and a state read after it differ from the same schema read elsewhere. Other dialects keep theirs.
     *
     * @throws DatabaseException when the database refuses
     */
    public void resetSession() {
        if (!dialect.name().equals("postgres")) {
            return;
        }
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("RESET ALL");
        } catch (SQLException e) {
            throw new DatabaseException("resetting the session of " + url + ": " + SqlErrors.message(e), e);
        }
    }

    /**
     * Inspects the bound schema, or the given schemas of an unbound URL (all when empty).
     *
     * @throws DatabaseException when a schema other than the bound one is asked for, or the database cannot be read
     */
    public Realm inspect(List<String> schemas) {
        if (boundSchema.isPresent()) {
            for (String schema : schemas) {
                if (!schema.equals(boundSchema.get())) {
                    throw new DatabaseException("schema \"" + schema + "\" not found: " + url + " is bound to schema \""
                            + boundSchema.get() + "\"");
                }
            }
        }
        List<String> selected = boundSchema.map(List::of).orElse(schemas);
        try {
            return dialect.inspector().inspect(connection, new InspectOptions(selected));
        } catch (SQLException e) {
            throw new DatabaseException("inspecting " + url + ": " + SqlErrors.message(e), e);
        }
    }

    /**
     * Closes the connection. A SQLite file that did not exist before this database was opened, and that nothing
     * was ever written to (SQLite creates it empty on opening), is deleted again, so a run refused after opening
     * its database (bad input found late, a first transaction rolled back) leaves no empty file behind.
     */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing can only fail for a connection that is already broken; there is nothing left to release.
        }
        createdFile.ifPresent(SqliteDsn::deleteIfUnwritten);
    }
}
