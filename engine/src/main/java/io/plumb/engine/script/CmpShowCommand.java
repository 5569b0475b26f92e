package io.plumb.engine.script;

import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.dialect.postgres.psql.PsqlDescribe;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.TextDiff;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code cmpshow TABLE... FILE} compares the database's own description of the tables with FILE: on SQLite, every
 * {@code sqlite_master} statement of each table (the table and its indexes); on MySQL, {@code SHOW CREATE TABLE}
 * without the table options but {@code AUTO_INCREMENT} and {@code COMMENT} (as the reference's);
 * on PostgreSQL, what {@code psql -c '\d $db.TABLE'} prints ({@link PsqlDescribe}), with trailing spaces trimmed
 * from every line; joined by newlines. As the reference's, it reads {@code $version/FILE} instead of FILE when that
 * file exists, for output that differs between server versions.
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
        List<String> statements;
        try {
            statements = switch (dialect) {
                case MYSQL -> showCreate(script, tables);
                case POSTGRES -> psqlDescribe(script, tables);
                case SQLITE -> sqliteMaster(script, tables);
            };
        } catch (SQLException e) {
            throw new ScriptFailure("cmpshow: " + SqlErrors.message(e), e);
        }
        String version = script.getenv("version");
        if (!version.isEmpty()
                && Files.isRegularFile(script.cwd().resolve(version).resolve(file))) {
            file = version + "/" + file;
        }
        String actual = String.join("\n", statements).strip();
        String expected =
                ScriptSchemas.substitute(script, script.readFile(file)).strip();
        if (!actual.equals(expected)) {
            script.log(TextDiff.unified("database", actual + "\n", file, expected + "\n"));
            throw new ScriptFailure("the DDL of " + String.join(", ", tables) + " and " + file + " differ");
        }
    }

    private static List<String> psqlDescribe(ScriptContext script, List<String> tables) throws SQLException {
        List<String> outputs = new ArrayList<>();
        String schema = ScriptDatabase.schema(script);
        for (String table : tables) {
            String output;
            try {
                output = PsqlDescribe.describe(ScriptDatabase.open(script).connection(), schema + "." + table);
            } catch (IllegalArgumentException e) {
                throw new ScriptFailure("cmpshow: show table \"" + table + "\": " + e.getMessage(), e);
            }
            // The reference trims every line's trailing spaces, which psql pads its last column with.
            outputs.add(Arrays.stream(output.split("\n", -1))
                    .map(String::stripTrailing)
                    .collect(Collectors.joining("\n")));
        }
        return outputs;
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
        String schema = ScriptDatabase.schema(script);
        try (Statement statement = ScriptDatabase.open(script).connection().createStatement()) {
            for (String table : tables) {
                try (ResultSet rows =
                        statement.executeQuery("SHOW CREATE TABLE " + quote(schema) + "." + quote(table))) {
                    while (rows.next()) {
                        statements.add(withoutTableOptions(rows.getString(2)));
                    }
                }
            }
        }
        return statements;
    }

    /**
     * Drops the table options after the closing parenthesis of a {@code SHOW CREATE TABLE} text but {@code
     * AUTO_INCREMENT} and {@code COMMENT}, as the reference's {@code cmpshow} does: the engine, charset and collation
     * vary with the server's configuration, which expected files do not spell. Options are split at whitespace, as
     * the reference splits them.
     */
    static String withoutTableOptions(String create) {
        int end = create.lastIndexOf(')');
        if (end < 0) {
            return create;
        }
        StringBuilder result = new StringBuilder(create.substring(0, end + 1));
        for (String option : create.substring(end + 1).strip().split("\\s+")) {
            String name = option.split("=", -1)[0];
            if (name.equals("AUTO_INCREMENT") || name.equals("COMMENT")) {
                result.append(' ').append(option);
            }
        }
        return result.toString();
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
