package io.plumb.engine.script;

import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.dialect.postgres.psql.PsqlDescribe;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.TextDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code cmpshow TABLE... FILE} compares the database's own description of the tables with FILE: on SQLite, every
 * {@code sqlite_master} statement of each table (the table and its indexes); on MySQL, {@code SHOW CREATE TABLE}
 * without the table options but {@code AUTO_INCREMENT} and {@code COMMENT} (as the reference's);
 * on PostgreSQL, what {@code psql -c '\d $db.TABLE'} prints ({@link PsqlDescribe}), with trailing spaces trimmed
 * from every line; joined by newlines. As the reference's, it reads {@code $version/FILE} instead of FILE when that
 * file exists, for output that differs between server versions; on a MariaDB newer than every version with a file,
 * it reads the newest older one's ({@link #versionedFile}).
 */
final class CmpShowCommand implements ScriptCommand {

    private static final Pattern MARIA = Pattern.compile("maria(\\d{2})(\\d{1,2})");

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
        file = versionedFile(script, script.getenv("version"), file);
        String actual = String.join("\n", statements).strip();
        String expected =
                ScriptSchemas.substitute(script, script.readFile(file)).strip();
        if (!actual.equals(expected)) {
            script.log(TextDiff.unified("database", actual + "\n", file, expected + "\n"));
            throw new ScriptFailure("the DDL of " + String.join(", ", tables) + " and " + file + " differ");
        }
    }

    /**
     * Returns {@code VERSION/FILE} when it exists, else, on a MariaDB newer than any the script has a file for, the
     * file of the newest older MariaDB version there ({@code maria107/FILE} on {@code maria1011}): the reference runs
     * no MariaDB after 10.7, and what later servers print follows 10.7's. Else FILE.
     */
    static String versionedFile(ScriptContext script, String version, String file) {
        if (version.isEmpty()) {
            return file;
        }
        if (Files.isRegularFile(script.cwd().resolve(version).resolve(file))) {
            return version + "/" + file;
        }
        Optional<int[]> own = mariaVersion(version);
        if (own.isEmpty()) {
            return file;
        }
        String best = "";
        int[] bestVersion = {0, 0};
        try (Stream<Path> dirs = Files.list(script.cwd())) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                Optional<int[]> other = mariaVersion(name);
                if (other.isPresent()
                        && compare(other.get(), own.get()) < 0
                        && compare(other.get(), bestVersion) > 0
                        && Files.isRegularFile(dir.resolve(file))) {
                    best = name;
                    bestVersion = other.get();
                }
            }
        } catch (IOException e) {
            throw new ScriptFailure("cmpshow: " + e.getMessage(), e);
        }
        return best.isEmpty() ? file : best + "/" + file;
    }

    // The reference writes MariaDB 10.7 as maria107 and 10.11 as maria1011: a two-digit major, then the minor.
    private static Optional<int[]> mariaVersion(String name) {
        Matcher m = MARIA.matcher(name);
        return m.matches()
                ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
                : Optional.empty();
    }

    private static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
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
