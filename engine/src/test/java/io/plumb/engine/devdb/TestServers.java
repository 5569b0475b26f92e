package io.plumb.engine.devdb;

/**
 * {@code TestServers} gives the URLs of this test JVM's one embedded PostgreSQL and one embedded MariaDB, through
 * {@link EmbeddedServers} as every other test does; tests isolate by databases on them, never by servers.
 */
public final class TestServers {

    private TestServers() {}

    /** Returns the URL of the embedded PostgreSQL server's {@code postgres} database. */
    public static String postgresUrl() {
        return EmbeddedServers.postgres();
    }

    /** Returns the URL of the embedded MariaDB server, bound to no schema. */
    public static String mariadbUrl() {
        return EmbeddedServers.mariadb();
    }
}
