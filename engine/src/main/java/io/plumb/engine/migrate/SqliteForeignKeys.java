package io.plumb.engine.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code SqliteForeignKeys} makes SQLite's {@code PRAGMA foreign_keys = off} in a migration file mean what its
 * author meant. SQLite ignores that pragma inside a transaction, so a table rebuild (the reference tool's generated
 * migrations bracket them with it) would fail or cascade; when a file run in a transaction asks for it, foreign keys
 * are turned off before the transaction starts, checked with {@code PRAGMA foreign_key_check} before it commits,
 * and restored after.
 */
final class SqliteForeignKeys {

    private static final Pattern OFF =
            Pattern.compile("(?is)\\s*PRAGMA\\s+foreign_keys\\s*=\\s*(?:off|0|false|no)\\s*;?\\s*");

    private final Connection connection;
    private boolean restore;

    private SqliteForeignKeys(Connection connection) {
        this.connection = connection;
    }

    /** Turns foreign keys off for the transaction when one of the files asks for it; call before it begins. */
    static SqliteForeignKeys before(Connection connection, String dialect, List<MigrationScript> scripts)
            throws SQLException {
        SqliteForeignKeys keys = new SqliteForeignKeys(connection);
        if (!dialect.equals("sqlite") || !asksForOff(scripts)) {
            return keys;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
            keys.restore = rows.next() && rows.getInt(1) == 1;
        }
        if (keys.restore) {
            execute(connection, "PRAGMA foreign_keys = off");
        }
        return keys;
    }

    private static boolean asksForOff(List<MigrationScript> scripts) {
        return scripts.stream().flatMap(s -> s.statements().stream()).anyMatch(s -> OFF.matcher(s.text())
                .matches());
    }

    /**
     * Returns the first foreign-key violation inside the transaction, as a message, or empty; call before commit.
     */
    java.util.Optional<String> violation() throws SQLException {
        if (!restore) {
            return java.util.Optional.empty();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
            if (rows.next()) {
                return java.util.Optional.of("foreign key violation: table \"" + rows.getString(1) + "\" row "
                        + rows.getLong(2) + " references table \"" + rows.getString(3) + "\" with no matching row");
            }
        }
        return java.util.Optional.empty();
    }

    /** Turns foreign keys back on if they were turned off; call after the transaction ended. */
    void after() throws SQLException {
        if (restore) {
            execute(connection, "PRAGMA foreign_keys = on");
            restore = false;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
