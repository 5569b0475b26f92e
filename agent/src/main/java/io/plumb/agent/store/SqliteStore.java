package io.plumb.agent.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A {@code SqliteStore} keeps the agent's state in a SQLite file: the default, for one agent. */
final class SqliteStore extends JdbcStore {

    SqliteStore(String url, Path workingDirectory) {
        super(url, workingDirectory);
    }

    @Override
    protected String idColumn() {
        return "INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    // One process writes a SQLite store at a time; the file lock serialises writers.
    @Override
    protected String lockClause() {
        return "";
    }

    @Override
    protected void lockForMigration(Connection c) {}

    @Override
    protected void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
        }
    }
}
