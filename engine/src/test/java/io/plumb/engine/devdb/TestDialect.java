package io.plumb.engine.devdb;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A {@code TestDialect} is one of the three databases engine tests run on, handing out fresh isolated databases on
 * this JVM's one server of that kind ({@link TestServers}); tests parameterized over it with {@code @EnumSource}
 * carry the dialect in their display names, which the CI skip check reads.
 */
public enum TestDialect {
    SQLITE,
    POSTGRES,
    MARIADB;

    // One isolation per dialect per JVM: opening one is cheap, but each holds a connection to its server.
    private static final Map<TestDialect, Isolation> ISOLATIONS = new EnumMap<>(TestDialect.class);

    /** Returns the dev URL a test runner or a dev-database command is given for this dialect. */
    public String devUrl() {
        return switch (this) {
            case SQLITE -> "sqlite://dev?mode=memory";
            case POSTGRES -> TestServers.postgresUrl();
            case MARIADB -> TestServers.mariadbUrl();
        };
    }

    /** Returns a new, empty database of this dialect that no other test sees; closing it drops it. */
    public IsolatedDatabase fresh() {
        return isolation().fresh();
    }

    /** Returns this JVM's isolation on the dialect's server, opening it on first use. */
    public Isolation isolation() {
        synchronized (ISOLATIONS) {
            return ISOLATIONS.computeIfAbsent(this, d -> Isolation.open(d.devUrl(), Path.of(".")));
        }
    }

    /** Returns whether DDL is transactional, so that a failed file in a transaction leaves no table behind. */
    public boolean transactionalDdl() {
        return this != MARIADB;
    }

    /**
     * Returns the part of the database's message for a missing table that names it: SQLite names the table bare,
     * PostgreSQL quotes it as a relation, MariaDB quotes it after its schema ({@code Table 'db.t' doesn't exist}).
     */
    public String noSuchTable(String table) {
        return switch (this) {
            case SQLITE -> "no such table: " + table;
            case POSTGRES -> "relation \"" + table + "\" does not exist";
            case MARIADB -> "." + table + "' doesn't exist";
        };
    }

    /** Returns the part of the database's message for creating a table that exists that names it. */
    public String tableExists(String table) {
        return switch (this) {
            case SQLITE -> "table " + table + " already exists";
            case POSTGRES -> "relation \"" + table + "\" already exists";
            case MARIADB -> "Table '" + table + "' already exists";
        };
    }
}
