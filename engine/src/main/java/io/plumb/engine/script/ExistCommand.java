package io.plumb.engine.script;

import io.plumb.engine.db.SqlErrors;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code exist TABLE...} checks that each table exists in the script's database (in schema {@code $db} on a
 * server); {@code !} that none does.
 */
final class ExistCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (args.isEmpty()) {
            throw new ScriptFailure("usage: exist TABLE...");
        }
        boolean sqlite = ScriptDialect.of(script) == ScriptDialect.SQLITE;
        String query = sqlite
                ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
                : "SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_type = 'BASE TABLE' AND table_name = ? AND table_schema = ?";
        try (PreparedStatement statement =
                ScriptDatabase.open(script).connection().prepareStatement(query)) {
            for (String table : args) {
                statement.setString(1, table);
                if (!sqlite) {
                    statement.setString(2, ScriptDatabase.schema(script));
                }
                boolean exists;
                try (ResultSet rows = statement.executeQuery()) {
                    exists = rows.next() && rows.getInt(1) > 0;
                }
                if (exists == negated) {
                    throw new ScriptFailure(
                            "table \"" + table + "\" " + (negated ? "exists, expected it not to" : "does not exist"));
                }
            }
        } catch (SQLException e) {
            throw new ScriptFailure("exist: " + SqlErrors.message(e), e);
        }
    }
}
