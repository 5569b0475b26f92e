package io.plumb.engine.script;

import io.plumb.runner.ScriptContext;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code ScriptDialect} is the database family a script runs under, chosen by the script variable {@value
 * #VARIABLE} (which the runner sets from {@code plumb.script.dialect} or {@code plumb script run --dialect}); it
 * decides which database {@link ScriptDatabase} gives the script and which of the conditions {@code [sqlite]},
 * {@code [postgres]}, {@code [mysql]} and {@code [maria]} hold.
 */
public enum ScriptDialect {
    /** SQLite, a file in the work directory: the default. */
    SQLITE,
    /** PostgreSQL, a database of its own on the embedded server. */
    POSTGRES,
    /** MySQL, here MariaDB: a schema of its own on the embedded server. */
    MYSQL;

    /** The script variable that names the dialect; unset or empty means SQLite. */
    public static final String VARIABLE = "dialect";

    /** Returns the dialect's name as scripts and options spell it: {@code sqlite}, {@code postgres}, {@code mysql}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a dialect name; {@code mariadb} and {@code maria} mean {@link #MYSQL}, whose embedded server is
     * MariaDB.
     *
     * @throws IllegalArgumentException when the name is none of them
     */
    public static ScriptDialect parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "", "sqlite" -> SQLITE;
            case "postgres", "postgresql" -> POSTGRES;
            case "mysql", "maria", "mariadb" -> MYSQL;
            default -> throw new IllegalArgumentException(
                    "unknown script dialect \"" + name + "\", expected sqlite, postgres or mysql, or a server"
                            + " version such as postgres15 or maria1011");
        };
    }

    /** Returns the dialect a script runs under; the variable may name a server version ({@link ScriptTarget}). */
    public static ScriptDialect of(ScriptContext script) {
        return ScriptTarget.of(script).dialect();
    }

    /**
     * Returns whether a script condition holds under this dialect, or empty when the condition is not a dialect
     * one. {@code mysql} holds for the whole MySQL family, {@code maria} only for MariaDB, which is the only MySQL
     * server scripts run on.
     */
    Optional<Boolean> holds(String condition) {
        return switch (condition) {
            case "sqlite" -> Optional.of(this == SQLITE);
            case "postgres" -> Optional.of(this == POSTGRES);
            case "mysql", "maria" -> Optional.of(this == MYSQL);
            default -> Optional.empty();
        };
    }
}
