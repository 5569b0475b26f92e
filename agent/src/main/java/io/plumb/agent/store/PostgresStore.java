package io.plumb.agent.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@code PostgresStore} keeps the agent's state in PostgreSQL, where several agents can share it: claims lock
 * rows with {@code FOR UPDATE SKIP LOCKED}, so two agents never lease the same target.
 */
final class PostgresStore extends JdbcStore {

    /** The advisory lock key under which agents starting together create the tables one at a time. */
    private static final long MIGRATION_LOCK = 0x706c756d62616774L;

    PostgresStore(String url, Path workingDirectory) {
        super(url, workingDirectory);
    }

    @Override
    protected String idColumn() {
        return "BIGSERIAL PRIMARY KEY";
    }

    @Override
    protected String lockClause() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    protected void lockForMigration(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        }
    }
}
