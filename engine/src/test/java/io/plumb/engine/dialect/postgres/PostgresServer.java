package io.plumb.engine.dialect.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code PostgresServer} is the one embedded PostgreSQL server of this test JVM; each test gets a database of
 * its own on it, so tests are isolated by database rather than by server.
 */
final class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresServer() {}

    /** Starts the server on first use; a shutdown hook stops it with the JVM. */
    private static final class Holder {

        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // The JVM is exiting; the server's directory is temporary.
                    }
                }));
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static EmbeddedPostgres server() {
        return Holder.SERVER;
    }

    /** Creates a fresh database and returns a connection to it. */
    static Connection newDatabase() throws SQLException {
        String name = "pgdialect_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection();
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        return DriverManager.getConnection(server().getJdbcUrl("postgres", name));
    }
}
