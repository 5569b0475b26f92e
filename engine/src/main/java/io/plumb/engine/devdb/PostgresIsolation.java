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
import java.util.Properties;

/**
 * {@code PostgresIsolation} isolates PostgreSQL databases as databases of their own on the dev server: a fresh one
 * is created from {@code template0}, a snapshot and a clone are {@code CREATE DATABASE ... TEMPLATE}, which copies
 * files rather than replaying statements, and a restore drops the database and copies the snapshot under its name.
 *
 * <p>The dev URL names the server, credentials and parameters (such as {@code search_path}) that isolated databases'
 * URLs carry; its own database is only where the administrative connection lands.
 */
final class PostgresIsolation extends ServerIsolation {

    private PostgresIsolation(DatabaseUrl devUrl, Path workingDirectory, AdminConnection.Opener opener) {
        super(devUrl, workingDirectory, opener);
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
        return new PostgresIsolation(url, workingDirectory, () -> DriverManager.getConnection(address, properties));
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
    }

    @Override
    List<String> copy(Connection admin, String source, String target, List<String> known) throws SQLException {
        execute(admin, "CREATE DATABASE " + target + " TEMPLATE " + source);
        return List.of();
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
