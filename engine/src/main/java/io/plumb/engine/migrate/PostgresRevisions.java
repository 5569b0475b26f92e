package io.plumb.engine.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code PostgresRevisions} is the revisions table on PostgreSQL, with the types the reference tool's ent schema
 * gives it there ({@code character varying}, {@code bigint}, {@code timestamptz}, {@code jsonb}).
 *
 * @param schema the schema the table lives in
 */
record PostgresRevisions(String schema) implements RevisionTable {

    @Override
    public String qualifiedName() {
        return quote(schema) + "." + quote(RevisionStore.TABLE);
    }

    @Override
    public List<String> create() {
        return List.of(
                "CREATE SCHEMA IF NOT EXISTS " + quote(schema),
                "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (\"version\" character varying NOT NULL,"
                        + " \"description\" character varying NOT NULL, \"type\" bigint NOT NULL DEFAULT 2,"
                        + " \"applied\" bigint NOT NULL DEFAULT 0, \"total\" bigint NOT NULL DEFAULT 0,"
                        + " \"executed_at\" timestamptz NOT NULL, \"execution_time\" bigint NOT NULL,"
                        + " \"error\" text NULL, \"error_stmt\" text NULL, \"hash\" character varying NOT NULL,"
                        + " \"partial_hashes\" jsonb NULL, \"operator_version\" character varying NOT NULL,"
                        + " PRIMARY KEY (\"version\"))");
    }

    @Override
    public boolean exists(Connection connection) throws SQLException {
        return RevisionTable.inInformationSchema(connection, schema, RevisionStore.TABLE);
    }

    @Override
    public String upsert() {
        StringBuilder sql = new StringBuilder("INSERT INTO " + qualifiedName() + " (" + COLUMNS + ") VALUES (?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (version) DO UPDATE SET ");
        String separator = "";
        for (String column : COLUMNS.split(",\\s*")) {
            if (!column.equals("version")) {
                sql.append(separator).append(column).append(" = EXCLUDED.").append(column);
                separator = ", ";
            }
        }
        return sql.toString();
    }

    @Override
    public void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
    }

    @Override
    public Instant time(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
