package io.plumb.engine.script;

import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ScriptTarget} is the database server a script runs on, as {@code plumb script run --dialect} names it:
 * a dialect family ({@code sqlite}, {@code postgres}, {@code mysql}) with the default embedded server, or a
 * versioned name the reference tool's suites use ({@code postgres15}, {@code maria1011}) for the embedded server of
 * that version. Its {@link #version()} is what the reference sets as the script variable {@code version}, so that
 * a script's {@code only postgres1[45]} line sees the server it really runs on.
 *
 * @param dialect the dialect family
 * @param name the name as the script variable {@code dialect} holds it: the family's label, or the versioned name
 * @param serverVersion the embedded server's version ({@code 17}, {@code 10.11}); empty on SQLite
 * @param version the reference tool's name of this server: {@code sqlite}, {@code postgres17}, {@code maria114}
 */
public record ScriptTarget(ScriptDialect dialect, String name, String serverVersion, String version) {

    private static final Pattern POSTGRES = Pattern.compile("postgres(?:ql)?(\\d{1,2})");
    // The reference writes MariaDB 10.7 as maria107 and 10.11 as maria1011: a two-digit major, then the minor.
    private static final Pattern MARIA = Pattern.compile("maria(?:db)?(\\d{2})(\\d{1,2})");
    private static final Pattern MYSQL = Pattern.compile("mysql\\d+");

    /**
     * Parses a dialect or server name.
     *
     * @throws IllegalArgumentException when the name is neither a dialect nor a server version scripts can run on
     */
    public static ScriptTarget parse(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        Matcher postgres = POSTGRES.matcher(lower);
        if (postgres.matches()) {
            String major = String.valueOf(Integer.parseInt(postgres.group(1)));
            return new ScriptTarget(ScriptDialect.POSTGRES, "postgres" + major, major, "postgres" + major);
        }
        Matcher maria = MARIA.matcher(lower);
        if (maria.matches()) {
            String server = maria.group(1) + "." + Integer.parseInt(maria.group(2));
            String label = "maria" + maria.group(1) + Integer.parseInt(maria.group(2));
            return new ScriptTarget(ScriptDialect.MYSQL, label, server, label);
        }
        if (MYSQL.matcher(lower).matches()) {
            throw new IllegalArgumentException("no embedded " + lower + " server: the MySQL family runs on embedded"
                    + " MariaDB only (mysql, or a version such as maria1011 or maria114)");
        }
        ScriptDialect dialect = ScriptDialect.parse(lower);
        return switch (dialect) {
            case SQLITE -> new ScriptTarget(dialect, dialect.label(), "", "sqlite");
            case POSTGRES -> new ScriptTarget(
                    dialect,
                    dialect.label(),
                    EmbeddedServers.DEFAULT_POSTGRES,
                    "postgres" + EmbeddedServers.DEFAULT_POSTGRES);
            case MYSQL -> new ScriptTarget(
                    dialect,
                    dialect.label(),
                    EmbeddedServers.DEFAULT_MARIADB,
                    "maria" + EmbeddedServers.DEFAULT_MARIADB.replace(".", ""));
        };
    }

    /** Returns the server a script runs on, from its {@value ScriptDialect#VARIABLE} variable. */
    public static ScriptTarget of(ScriptContext script) {
        try {
            return parse(script.getenv(ScriptDialect.VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new ScriptFailure("$" + ScriptDialect.VARIABLE + ": " + e.getMessage(), e);
        }
    }

    /** Returns the URL of the embedded server, started on first use; SQLite has none. */
    String serverUrl() {
        return switch (dialect) {
            case POSTGRES -> EmbeddedServers.postgres(serverVersion);
            case MYSQL -> EmbeddedServers.mariadb(serverVersion);
            case SQLITE -> throw new IllegalStateException("sqlite has no server");
        };
    }
}
