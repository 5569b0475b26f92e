package io.plumb.engine.plan;

import io.plumb.engine.db.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SqliteRebuilds} keeps what a SQLite table rebuild would otherwise lose, following steps 9 to 11 of SQLite's
 * procedure for altering a table: triggers on the table are dropped with it, so they are read before and re-created
 * after; and views that use the table would make the rename fail, so the rename runs with {@code
 * legacy_alter_table}, which leaves views alone (they name the table, which exists again once the rename is done).
 */
final class SqliteRebuilds {

    // The planner's last step of a rebuild: ALTER TABLE `new_t` RENAME TO `t`.
    private static final Pattern RENAME = Pattern.compile("ALTER TABLE `new_(.+)` RENAME TO `\\1`");

    // A trigger the plan drops itself is meant to go: it is never brought back.
    private static final Pattern DROP_TRIGGER =
            Pattern.compile("(?i)DROP TRIGGER (?:IF EXISTS )?[`\"]?([^`\"]+)[`\"]?");

    /** A trigger of a rebuilt table: its name and its {@code CREATE TRIGGER} statement. */
    private record SavedTrigger(String name, String sql) {}

    private final Set<String> tables;
    private final List<SavedTrigger> triggers;

    private SqliteRebuilds(Set<String> tables, List<SavedTrigger> triggers) {
        this.tables = tables;
        this.triggers = triggers;
    }

    /** Finds the tables a plan rebuilds and reads their triggers. */
    static SqliteRebuilds of(Connection connection, List<String> statements) {
        Set<String> tables = new LinkedHashSet<>();
        Set<String> dropped = new HashSet<>();
        for (String sql : statements) {
            Matcher m = RENAME.matcher(sql);
            if (m.matches()) {
                tables.add(m.group(1));
            }
            Matcher drop = DROP_TRIGGER.matcher(sql);
            if (drop.matches()) {
                dropped.add(drop.group(1));
            }
        }
        List<SavedTrigger> triggers = new ArrayList<>();
        String query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY rowid";
        for (String table : tables) {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setString(1, table);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (!dropped.contains(rows.getString(1))) {
                            triggers.add(new SavedTrigger(rows.getString(1), rows.getString(2)));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new StatementException(query, SqlErrors.message(e), e);
            }
        }
        return new SqliteRebuilds(tables, triggers);
    }

    /** Runs before the plan's statements. */
    void before(Connection connection) {
        if (!tables.isEmpty()) {
            run(connection, "PRAGMA legacy_alter_table = ON");
        }
    }

    /**
     * Runs after the plan's statements succeeded: re-creates the triggers the plan did not create again itself (a
     * plan from an older Plumb, or a hand-written one, may not).
     */
    void after(Connection connection) {
        for (SavedTrigger trigger : triggers) {
            if (!exists(connection, trigger.name())) {
                run(connection, trigger.sql());
            }
        }
    }

    // The plan may have created the trigger again itself, possibly changed: the plan's version wins.
    private static boolean exists(Connection connection, String trigger) {
        String query = "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?";
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, trigger);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StatementException(query, SqlErrors.message(e), e);
        }
    }

    /** Runs last, whatever happened: restores the pragma, which is not part of the transaction. */
    void restore(Connection connection) {
        if (!tables.isEmpty()) {
            run(connection, "PRAGMA legacy_alter_table = OFF");
        }
    }

    private static void run(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StatementException(sql, SqlErrors.message(e), e);
        }
    }
}
