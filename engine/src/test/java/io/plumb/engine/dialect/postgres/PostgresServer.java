package io.plumb.engine.dialect.postgres;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code PostgresServer} hands each dialect test a database of its own on this JVM's one embedded PostgreSQL
 * ({@link EmbeddedServers}), so tests are isolated by database rather than by server.
 */
final class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresServer() {}

    /** Creates a fresh database and returns a connection to it; closing the connection leaves the database. */
    static Connection newDatabase() throws SQLException {
        return newDatabase(EmbeddedServers.DEFAULT_POSTGRES);
    }

    /**
     * Creates a fresh database on the embedded server of a major version, starting it if needed. Its {@code public}
     * schema has no comment: PostgreSQL's own ("standard public schema") is no difference to the diff, as to the
     * reference's, so applying HCL leaves it, and the tests' HCL, which declares none, would not inspect back as is.
     */
    static Connection newDatabase(String version) throws SQLException {
        String name = "pgdialect_" + DATABASES.incrementAndGet();
        String admin = EmbeddedServers.postgres(version);
        try (Database db = Database.open(admin, Path.of(""));
                Statement st = db.connection().createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        Connection connection = Database.open(admin.replaceFirst("/postgres\\?", "/" + name + "?"), Path.of(""))
                .connection();
        try (Statement st = connection.createStatement()) {
            st.execute("COMMENT ON SCHEMA public IS NULL");
        }
        return connection;
    }
}
