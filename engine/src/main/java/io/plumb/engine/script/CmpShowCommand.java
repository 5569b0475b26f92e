package io.plumb.engine.script;

import io.plumb.engine.db.SqlErrors;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.TextDiff;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cmpshow TABLE... FILE} compares the database's own DDL of the tables with FILE: on SQLite, every {@code
 * sqlite_master} statement of each table (the table and its indexes); on MySQL, {@code SHOW CREATE TABLE}; joined by
 * newlines. PostgreSQL has no DDL of its own to show, so the command fails there, as the reference's does.
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
        ScriptDialect dialect = ScriptDialect.of(script);
        if (dialect == ScriptDialect.POSTGRES) {
            throw new ScriptFailure("cmpshow: unsupported on postgres, which has no SHOW CREATE TABLE");
        }
        List<String> statements;
        try {
            statements = dialect == ScriptDialect.MYSQL ? showCreate(script, tables) : sqliteMaster(script, tables);
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

    private static List<String> sqliteMaster(ScriptContext script, List<String> tables) throws SQLException {
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
        }
        return statements;
    }

    private static List<String> showCreate(ScriptContext script, List<String> tables) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = ScriptDatabase.open(script).connection().createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SHOW CREATE TABLE `" + table.replace("`", "``") + "`")) {
                    while (rows.next()) {
                        statements.add(rows.getString(2));
                    }
                }
            }
        }
        return statements;
    }
}
