package io.plumb.engine.script;

import io.plumb.engine.db.SqlErrors;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code clearSchema} empties the script's database: on SQLite, as the reference does, by clearing {@code
 * sqlite_master} under {@code writable_schema} and vacuuming; on PostgreSQL by dropping every user schema and
 * recreating {@code public}; on MySQL by dropping and recreating the script's schema.
 */
final class ClearSchemaCommand implements ScriptCommand {

    private static final String USER_SCHEMAS =
            "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'";

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (negated) {
            throw new ScriptFailure("unsupported: ! clearSchema");
        }
        Connection connection = ScriptDatabase.open(script).connection();
        try (Statement statement = connection.createStatement()) {
            switch (ScriptDialect.of(script)) {
                case SQLITE -> clearSqlite(statement);
                case POSTGRES -> clearPostgres(statement);
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

    private static void clearPostgres(Statement statement) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(USER_SCHEMAS)) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        for (String schema : schemas) {
            statement.execute("DROP SCHEMA \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
        }
        statement.execute("CREATE SCHEMA public");
    }

    private static void clearMysql(Statement statement, String schema) throws SQLException {
        String quoted = "`" + schema.replace("`", "``") + "`";
        statement.execute("DROP DATABASE " + quoted);
        statement.execute("CREATE DATABASE " + quoted);
        statement.execute("USE " + quoted);
    }
}
