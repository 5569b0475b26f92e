package io.plumb.engine.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code SqliteForeignKeys} makes SQLite's {@code PRAGMA foreign_keys = off} in a migration file mean what its
 * author meant. SQLite ignores that pragma inside a transaction, so a table rebuild (the reference tool's generated
 * migrations bracket them with it) would fail or cascade; when a file run in a transaction asks for it, foreign keys
 * are turned off before the transaction starts, checked with {@code PRAGMA foreign_key_check} before it commits,
 * and restored after. As in the reference tool, only violations the transaction added fail it (those the database
 * already had before are not the file's doing), and they are reported as the reference reports them:
 * {@code sql/sqlite: foreign key mismatch: [{tbl:friendships ref:users row:4 index:1}]}.
 */
final class SqliteForeignKeys {

    private static final Pattern OFF =
            Pattern.compile("(?is)\\s*PRAGMA\\s+foreign_keys\\s*=\\s*(?:off|0|false|no)\\s*;?\\s*");

    private final Connection connection;
    private boolean restore;
    private Set<String> before = Set.of();

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
            keys.before = new LinkedHashSet<>(keys.violations());
        }
        return keys;
    }

    private static boolean asksForOff(List<MigrationScript> scripts) {
        return scripts.stream().flatMap(s -> s.statements().stream()).anyMatch(s -> OFF.matcher(s.text())
                .matches());
    }

    /**
     * Returns the foreign-key violations the transaction added, as one message, or empty; call before commit.
     */
    Optional<String> violation() throws SQLException {
        if (!restore) {
            return Optional.empty();
        }
        List<String> added =
                violations().stream().filter(v -> !before.contains(v)).toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("sql/sqlite: foreign key mismatch: [" + String.join(" ", added) + "]");
    }

    /** Returns the rows of {@code PRAGMA foreign_key_check}, each as the reference prints a violation. */
    private List<String> violations() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (rows.next()) {
                // A WITHOUT ROWID table's violations have no row id (NULL), which the reference reads as 0.
                found.add("{tbl:" + rows.getString(1) + " ref:" + rows.getString(3) + " row:" + rows.getLong(2)
                        + " index:" + rows.getLong(4) + "}");
            }
        }
        return found;
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
