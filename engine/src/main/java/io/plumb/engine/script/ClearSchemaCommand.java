package io.plumb.engine.script;

import io.plumb.engine.db.SqlErrors;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code clearSchema} empties the script's database: on SQLite, as the reference does, by clearing {@code
 * sqlite_master} under {@code writable_schema} and vacuuming; on PostgreSQL and MySQL by dropping and recreating
 * the script's schema.
 */
final class ClearSchemaCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (negated) {
            throw new ScriptFailure("unsupported: ! clearSchema");
        }
        Connection connection = ScriptDatabase.open(script).connection();
        try (Statement statement = connection.createStatement()) {
            switch (ScriptDialect.of(script)) {
                case SQLITE -> clearSqlite(statement);
                case POSTGRES -> clearPostgres(statement, ScriptDatabase.schema(script));
                case MYSQL -> clearMysql(statement, ScriptDatabase.schema(script));
            }
        } catch (SQLException e) {
            throw new ScriptFailure("clearSchema: " + SqlErrors.message(e), e);
        }
    }

    private static void clearSqlite(Statement statement) throws SQLException {
        statement.execute("PRAGMA writable_schema = 1");
        statement.execute("DELETE FROM sqlite_master");
        statement.execute("PRAGMA writable_schema = 0");
        statement.execute("VACUUM");
        // The connection caches the old schema; a no-op integrity check makes it re-read the cleared one.
        statement.execute("PRAGMA integrity_check");
    }

    /** Drops the script's schema and creates it again, empty, as the reference tool does. */
    private static void clearPostgres(Statement statement, String schema) throws SQLException {
        String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
        statement.execute("DROP SCHEMA IF EXISTS " + quoted + " CASCADE");
        statement.execute("CREATE SCHEMA " + quoted);
    }

    private static void clearMysql(Statement statement, String schema) throws SQLException {
        String quoted = "`" + schema.replace("`", "``") + "`";
        statement.execute("DROP DATABASE " + quoted);
        statement.execute("CREATE DATABASE " + quoted);
        statement.execute("USE " + quoted);
    }
}
