package io.plumb.engine.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * {@code MysqlRevisions} is the revisions table on MySQL and MariaDB, with the types the reference tool's ent schema
 * gives it there ({@code varchar(255)}, {@code bigint}, {@code bigint unsigned}, {@code timestamp(6)}, {@code
 * longtext}, {@code json}).
 *
 * @param schema the schema (database) the table lives in
 */
record MysqlRevisions(String schema) implements RevisionTable {

    @Override
    public String qualifiedName() {
        return quote(schema) + "." + quote(RevisionStore.TABLE);
    }

    @Override
    public List<String> create() {
        return List.of(
                "CREATE DATABASE IF NOT EXISTS " + quote(schema),
                "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (`version` varchar(255) NOT NULL,"
                        + " `description` varchar(255) NOT NULL, `type` bigint unsigned NOT NULL DEFAULT 2,"
                        + " `applied` bigint NOT NULL DEFAULT 0, `total` bigint NOT NULL DEFAULT 0,"
                        + " `executed_at` timestamp(6) NOT NULL, `execution_time` bigint NOT NULL,"
                        + " `error` longtext NULL, `error_stmt` longtext NULL, `hash` varchar(255) NOT NULL,"
                        + " `partial_hashes` json NULL, `operator_version` varchar(255) NOT NULL,"
                        + " PRIMARY KEY (`version`)) CHARSET utf8mb4 COLLATE utf8mb4_bin");
    }

    @Override
    public boolean exists(Connection connection) throws SQLException {
        return RevisionTable.inInformationSchema(connection, schema, RevisionStore.TABLE);
    }

    @Override
    public String upsert() {
        StringBuilder sql = new StringBuilder("INSERT INTO " + qualifiedName() + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE ");
        String separator = "";
        for (String column : COLUMNS.split(",\\s*")) {
            if (!column.equals("version")) {
                sql.append(separator)
                        .append(column)
                        .append(" = VALUES(")
                        .append(column)
                        .append(')');
                separator = ", ";
            }
        }
        return sql.toString();
    }

    // Timestamps go through the JVM's zone both ways, so a revision reads back the instant it was written with.
    @Override
    public void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setTimestamp(index, Timestamp.from(time));
    }

    @Override
    public Instant time(ResultSet rows, int column) throws SQLException {
        return rows.getTimestamp(column).toInstant();
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
