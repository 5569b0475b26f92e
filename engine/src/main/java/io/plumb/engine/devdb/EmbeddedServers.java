package io.plumb.engine.devdb;

/**
 * {@code EmbeddedServers} is the JVM's registry of embedded database servers: one PostgreSQL and one MariaDB per
 * version, started on first use and stopped when the JVM exits (or, after a {@code kill -9}, by a watchdog). The
 * servers come from the provider modules {@code io.plumb:plumb-provider-postgres-embedded} and {@code
 * io.plumb:plumb-provider-mariadb-embedded} ({@link ServerProviders}).
 *
 * <p>It is the fixture tests share: {@code Database.open(EmbeddedServers.postgres(), cwd)} connects to the server
 * itself; {@code embedded://postgres/17} URLs use it too. Isolate tests with databases on it, not with servers.
 */
public final class EmbeddedServers {

    /** The PostgreSQL major version used when none is given. */
    public static final String DEFAULT_POSTGRES = "17";

    /** The MariaDB version used when none is given. */
    public static final String DEFAULT_MARIADB = "11.4";

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
     * @throws io.plumb.engine.db.DatabaseException when the provider module is absent, no binaries of that version are
     *     found or it cannot start
     */
    public static String postgres(String version) {
        return ServerProviders.system().server("embedded", "postgres", version, "embedded://postgres/" + version);
    }

    /** Returns the URL of the embedded MariaDB {@value #DEFAULT_MARIADB} server, starting it if needed. */
    public static String mariadb() {
        return mariadb(DEFAULT_MARIADB);
    }

    /**
     * Returns the URL of the embedded MariaDB server of a version ({@code 11}, {@code 11.4.5}), such as {@code
     * mariadb://root:PASSWORD@localhost:PORT/}, starting it if needed.
     *
     * @throws io.plumb.engine.db.DatabaseException when the provider module is absent, no binaries of that version are
     *     found or it cannot start
     */
    public static String mariadb(String version) {
        return ServerProviders.system().server("embedded", "mariadb", version, "embedded://mariadb/" + version);
    }
}
