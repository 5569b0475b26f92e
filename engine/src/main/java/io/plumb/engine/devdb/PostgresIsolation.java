package io.plumb.engine.devdb;

import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.db.DriverLogs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code PostgresIsolation} isolates PostgreSQL databases as databases of their own on the dev server: a fresh one
 * is created from {@code template0}, a snapshot and a clone are {@code CREATE DATABASE ... TEMPLATE}, which copies
 * files rather than replaying statements, and a restore drops the database and copies the snapshot under its name.
 *
 * <p>The dev URL names the server, credentials and parameters (such as {@code search_path}) that isolated databases'
 * URLs carry; its own database is only where the administrative connection lands. A fresh database holds the schema
 * the dev URL is bound to, so that a URL bound to {@code search_path=dev} works in it as in the dev database.
 *
 * <p>On PostgreSQL 15 and later a copy uses {@code STRATEGY FILE_COPY}: for the small databases tests hold, copying
 * the files (after a checkpoint) is faster than the default {@code WAL_LOG}, which writes every block of the copy to
 * the write-ahead log. System property {@value #STRATEGY_PROPERTY} ({@code FILE_COPY} or {@code WAL_LOG}) overrides
 * the choice on those servers; older ones know no strategy and are given none.
 */
final class PostgresIsolation extends ServerIsolation {

    /** The system property that overrides the copy strategy on PostgreSQL 15 and later. */
    static final String STRATEGY_PROPERTY = "plumb.devdb.postgresCloneStrategy";

    private final Function<String, Connection> connector;
    private final @Nullable String boundSchema;
    // " STRATEGY FILE_COPY" or "" once the server's version is known; the copies' clause.
    private volatile @Nullable String strategy;

    private PostgresIsolation(
            DatabaseUrl devUrl,
            Path workingDirectory,
            AdminConnection.Opener opener,
            Function<String, Connection> connector) {
        super(devUrl, workingDirectory, opener);
        this.connector = connector;
        this.boundSchema = boundSchema(devUrl);
    }

    /**
     * Returns the schema a dev URL binds other than {@code public}, which every new database has: the isolated
     * databases' URLs carry the dev URL's {@code search_path}, so each fresh database must hold that schema.
     */
    private static @Nullable String boundSchema(DatabaseUrl url) {
        String path = url.query().get("search_path");
        return path == null || path.isEmpty() || path.contains(",") || path.equals("public") ? null : path;
    }

    /**
     * Opens an isolation on the PostgreSQL server of a dev URL.
     *
     * @throws DatabaseException when the server cannot be reached
     */
    static PostgresIsolation open(DatabaseUrl url, Path workingDirectory) {
        String database = url.path().isEmpty() ? "postgres" : url.path();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://")
                .append(url.host().isEmpty() ? "localhost" : url.host())
                .append(':')
                .append(url.port() < 0 ? 5432 : url.port())
                .append('/')
                .append(database);
        Properties properties = new Properties();
        DriverLogs.silence();
        if (!url.loginUser().isEmpty()) {
            properties.setProperty("user", url.loginUser());
        }
        url.loginPassword().ifPresent(password -> properties.setProperty("password", password));
        String sslmode = url.query().get("sslmode");
        if (sslmode != null) {
            properties.setProperty("sslmode", sslmode);
        }
        String address = jdbc.toString();
        String server = address.substring(0, address.lastIndexOf('/') + 1);
        Function<String, Connection> connector = name -> {
            try {
                return DriverManager.getConnection(server + name, properties);
            } catch (SQLException e) {
                throw new DatabaseException("connecting to database " + name + ": " + e.getMessage(), e);
            }
        };
        return new PostgresIsolation(
                url, workingDirectory, () -> DriverManager.getConnection(address, properties), connector);
    }

    // A template copy needs the source database without connections, so never in the middle of a migration run.
    @Override
    public boolean snapshotsDuringRuns() {
        return false;
    }

    @Override
    void create(Connection admin, String name) throws SQLException {
        // template0 rather than template1: what anyone added to template1 is not the user's.
        execute(admin, "CREATE DATABASE " + name + " TEMPLATE template0");
        if (boundSchema != null) {
            try (Connection database = connector.apply(name)) {
                execute(database, "CREATE SCHEMA \"" + boundSchema.replace("\"", "\"\"") + "\"");
            }
        }
    }

    @Override
    List<String> copy(Connection admin, String source, String target, List<String> known) throws SQLException {
        execute(admin, "CREATE DATABASE " + target + " TEMPLATE " + source + strategy(admin));
        return List.of();
    }

    private String strategy(Connection admin) throws SQLException {
        String clause = strategy;
        if (clause == null) {
            clause = strategyClause(
                    admin.getMetaData().getDatabaseMajorVersion(), System.getProperty(STRATEGY_PROPERTY));
            strategy = clause;
        }
        return clause;
    }

    /**
     * Returns the clause a copy on a server of the major version carries: {@code STRATEGY FILE_COPY} from 15 on,
     * unless {@code configured} names another strategy, and none before 15.
     *
     * @throws DatabaseException when {@code configured} names no strategy PostgreSQL knows
     */
    static String strategyClause(int majorVersion, @Nullable String configured) {
        String name = configured == null || configured.isBlank()
                ? "FILE_COPY"
                : configured.strip().toUpperCase(Locale.ROOT);
        if (!name.equals("FILE_COPY") && !name.equals("WAL_LOG")) {
            throw new DatabaseException(STRATEGY_PROPERTY + " is " + configured + ": expected FILE_COPY or WAL_LOG");
        }
        return majorVersion >= 15 ? " STRATEGY " + name : "";
    }

    @Override
    boolean copiesOnlyUnconnected() {
        return true;
    }

    @Override
    void drop(Connection admin, String name) throws SQLException {
        // FORCE ends the sessions of programs that were given the URL and did not disconnect.
        execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(Connection admin, String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
