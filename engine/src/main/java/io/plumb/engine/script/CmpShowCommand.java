package io.plumb.engine.script;

import io.plumb.engine.db.SqlErrors;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.TextDiff;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cmpshow TABLE... FILE} compares the database's own DDL of the tables with FILE: on SQLite, every {@code
 * sqlite_master} statement of each table (the table and its indexes), joined by newlines.
 */
final class CmpShowCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (negated) {
            throw new ScriptFailure("unsupported: ! cmpshow");
        }
        if (args.size() < 2) {
            throw new ScriptFailure("usage: cmpshow TABLE... FILE");
        }
        List<String> tables = args.subList(0, args.size() - 1);
        String file = args.get(args.size() - 1);
        List<String> statements = new ArrayList<>();
        String query = "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY rowid";
        try (PreparedStatement statement =
                ScriptDatabase.open(script).connection().prepareStatement(query)) {
            for (String table : tables) {
                statement.setString(1, table);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        statements.add(rows.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new ScriptFailure("cmpshow: " + SqlErrors.message(e), e);
        }
        String actual = String.join("\n", statements).strip();
        String expected =
                ScriptSchemas.substitute(script, script.readFile(file)).strip();
        if (!actual.equals(expected)) {
            script.log(TextDiff.unified("database", actual + "\n", file, expected + "\n"));
            throw new ScriptFailure("the DDL of " + String.join(", ", tables) + " and " + file + " differ");
        }
    }
}
