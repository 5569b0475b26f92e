package io.plumb.engine.devdb;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code EmbeddedServers} is the JVM's registry of embedded database servers: one PostgreSQL and one MariaDB per
 * version, started on first use and stopped when the JVM exits (or, after a {@code kill -9}, by a watchdog).
 *
 * <p>It is the fixture tests share: {@code Database.open(EmbeddedServers.postgres(), cwd)} connects to the server
 * itself; {@code embedded://postgres/17} URLs use it too. Isolate tests with databases on it, not with servers.
 */
public final class EmbeddedServers {

    /** The PostgreSQL major version used when none is given. */
    public static final String DEFAULT_POSTGRES = "17";

    /** The MariaDB version used when none is given. */
    public static final String DEFAULT_MARIADB = "11.4";

    private static final Map<String, String> POSTGRES = new HashMap<>();
    private static final Map<String, String> MARIADB = new HashMap<>();

    private EmbeddedServers() {}

    /**
     * Returns the URL of the embedded PostgreSQL {@value #DEFAULT_POSTGRES} server, such as {@code
     * postgres://postgres:PASSWORD@localhost:PORT/postgres?sslmode=disable}, starting it if needed.
     */
    public static String postgres() {
        return postgres(DEFAULT_POSTGRES);
    }

    /**
     * Returns the URL of the embedded PostgreSQL server of a version ({@code 17}, {@code 17.6}), starting it if
     * needed.
     *
     * @throws io.plumb.engine.db.DatabaseException when no binaries of that version are found or it cannot start
     */
    public static synchronized String postgres(String version) {
        return POSTGRES.computeIfAbsent(version, EmbeddedPostgresServer::start);
    }

    /** Returns the URL of the embedded MariaDB {@value #DEFAULT_MARIADB} server, starting it if needed. */
    public static String mariadb() {
        return mariadb(DEFAULT_MARIADB);
    }

    /**
     * Returns the URL of the embedded MariaDB server of a version ({@code 11}, {@code 11.4.5}), such as {@code
     * mariadb://root:PASSWORD@localhost:PORT/}, starting it if needed.
     *
     * @throws io.plumb.engine.db.DatabaseException when no binaries of that version are found or it cannot start
     */
    public static synchronized String mariadb(String version) {
        return MARIADB.computeIfAbsent(version, EmbeddedMariadbServer::start);
    }
}
