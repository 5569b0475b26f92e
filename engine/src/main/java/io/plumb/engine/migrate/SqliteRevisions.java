package io.plumb.engine.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@code SqliteRevisions} is the revisions table in SQLite's {@code main}, its times stored as text. */
record SqliteRevisions() implements RevisionTable {

    @Override
    public String qualifiedName() {
        return RevisionStore.TABLE;
    }

    @Override
    public List<String> create() {
        return List.of("CREATE TABLE IF NOT EXISTS `" + RevisionStore.TABLE + "` (`version` text NOT NULL,"
                + " `description` text NOT NULL, `type` integer NOT NULL DEFAULT (2),"
                + " `applied` integer NOT NULL DEFAULT (0), `total` integer NOT NULL DEFAULT (0),"
                + " `executed_at` datetime NOT NULL, `execution_time` integer NOT NULL, `error` text NULL,"
                + " `error_stmt` text NULL, `hash` text NOT NULL, `partial_hashes` json NULL,"
                + " `operator_version` text NOT NULL, PRIMARY KEY (`version`))");
    }

    @Override
    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, RevisionStore.TABLE);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public String upsert() {
        return "INSERT OR REPLACE INTO " + RevisionStore.TABLE + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    public void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setString(index, RevisionTimes.format(time));
    }

    @Override
    public Instant time(ResultSet rows, int column) throws SQLException {
        return RevisionTimes.parse(rows.getString(column));
    }
}
