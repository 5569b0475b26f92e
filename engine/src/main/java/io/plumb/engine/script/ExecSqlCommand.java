package io.plumb.engine.script;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** {@code execsql SQL...} executes each argument on the script's database; {@code !} expects a statement to fail. */
final class ExecSqlCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (args.isEmpty()) {
            throw new ScriptFailure("usage: execsql SQL...");
        }
        Database db = ScriptDatabase.open(script);
        for (String sql : args) {
            try (Statement statement = db.connection().createStatement()) {
                statement.execute(ScriptSchemas.substitute(script, sql));
            } catch (SQLException e) {
                if (negated) {
                    script.log("execsql failed as expected: " + SqlErrors.message(e));
                    return;
                }
                throw new ScriptFailure("execsql: " + SqlErrors.message(e), e);
            }
        }
        if (negated) {
            throw new ScriptFailure("execsql: unexpected success");
        }
    }
}
