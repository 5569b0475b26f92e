package io.plumb.engine.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A {@code RevisionTable} is how one database system spells the revisions table: where it lives, its column types,
 * how a revision is upserted and how its time is stored. The columns and their meanings are the reference tool's on
 * every system, so either tool can continue the other's history.
 */
sealed interface RevisionTable permits SqliteRevisions, PostgresRevisions, MysqlRevisions {

    /** The columns in the order the store reads and writes them. */
    String COLUMNS = "version, description, type, applied, total, executed_at, execution_time,"
            + " error, error_stmt, hash, partial_hashes, operator_version";

    /** Returns the table's name as statements refer to it, qualified when it lives in a schema of its own. */
    String qualifiedName();

    /** Returns the statements that create the table (and its schema) when missing. */
    List<String> create();

    /** Returns whether the table exists. */
    boolean exists(Connection connection) throws SQLException;

    /** Returns the statement inserting the {@link #COLUMNS} or replacing the row of the same version. */
    String upsert();

    /** Binds a time parameter. */
    void setTime(PreparedStatement statement, int index, Instant time) throws SQLException;

    /** Reads a time column, by its position in the row. */
    Instant time(ResultSet rows, int column) throws SQLException;

    /** Returns whether a table of this name exists in a schema, through the standard information schema. */
    static boolean inInformationSchema(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
