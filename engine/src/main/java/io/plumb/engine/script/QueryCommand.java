package io.plumb.engine.script;

import io.plumb.engine.db.SqlErrors;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code query SQL} runs a query on the script's database and prints its rows to stdout, one line per row with the
 * columns separated by tabs and NULL as {@code NULL}, so that scripts check data with {@code stdout} or {@code cmp}
 * the same way on every dialect; {@code !} expects the query to fail.
 */
final class QueryCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (args.size() != 1) {
            throw new ScriptFailure("usage: query SQL");
        }
        StringBuilder text = new StringBuilder();
        try (Statement statement = ScriptDatabase.open(script).connection().createStatement();
                ResultSet rows = statement.executeQuery(ScriptSchemas.substitute(script, args.get(0)))) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    text.append(i > 1 ? "\t" : "").append(value == null ? "NULL" : value);
                }
                text.append('\n');
            }
        } catch (SQLException e) {
            if (negated) {
                script.log("query failed as expected: " + SqlErrors.message(e));
                return;
            }
            throw new ScriptFailure("query: " + SqlErrors.message(e), e);
        }
        if (negated) {
            throw new ScriptFailure("query: unexpected success");
        }
        PrintWriter out = script.stdout();
        out.print(text);
        out.flush();
    }
}
