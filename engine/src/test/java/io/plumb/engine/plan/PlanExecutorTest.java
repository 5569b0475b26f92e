package io.plumb.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanExecutorTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static Plan plan(boolean transactional, String... statements) {
        List<PlannedChange> changes = new ArrayList<>();
        for (String sql : statements) {
            changes.add(new PlannedChange("step", sql));
        }
        return new Plan(changes, transactional);
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    @Test
    void appliesEveryStatement() throws SQLException {
        PlanExecutor.execute(connection, plan(true, "CREATE TABLE a (x int)", "CREATE TABLE b (y int)"));
        assertThat(tables()).containsExactly("a", "b");
    }

    @Test
    void aFailedStatementRollsTheWholePlanBack() throws SQLException {
        assertThatThrownBy(() -> PlanExecutor.execute(
                        connection, plan(true, "CREATE TABLE a (x int)", "CREATE TABLE a (x int)")))
                .isInstanceOf(StatementException.class)
                .hasMessage("executing statement \"CREATE TABLE a (x int)\": table a already exists");
        assertThat(tables()).isEmpty();
    }

    @Test
    void withoutATransactionTheStatementsBeforeTheFailureStay() throws SQLException {
        assertThatThrownBy(() -> PlanExecutor.execute(
                        connection, plan(false, "CREATE TABLE a (x int)", "CREATE TABLE a (x int)")))
                .isInstanceOf(StatementException.class);
        assertThat(tables()).containsExactly("a");
    }

    @Test
    void rebuildsWithForeignKeysOffAndChecksThemBeforeCommitting() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = on");
            s.execute("CREATE TABLE p (id integer PRIMARY KEY)");
            s.execute("CREATE TABLE c (p integer REFERENCES p (id))");
            s.execute("INSERT INTO p VALUES (1)");
            s.execute("INSERT INTO c VALUES (1)");
        }
        // Dropping the parent would fail (or cascade) with keys on; the rebuild keeps the row it points to.
        PlanExecutor.execute(
                connection,
                plan(
                        true,
                        "PRAGMA foreign_keys = off",
                        "CREATE TABLE new_p (id integer PRIMARY KEY, name text)",
                        "INSERT INTO new_p (id) SELECT id FROM p",
                        "DROP TABLE p",
                        "ALTER TABLE new_p RENAME TO p",
                        "PRAGMA foreign_keys = on"));
        assertThat(tables()).containsExactly("c", "p");
        // A rebuild that loses the referenced row is refused, and nothing changes.
        assertThatThrownBy(() -> PlanExecutor.execute(
                        connection,
                        plan(
                                true,
                                "PRAGMA foreign_keys = off",
                                "CREATE TABLE new_p (id integer PRIMARY KEY)",
                                "DROP TABLE p",
                                "ALTER TABLE new_p RENAME TO p",
                                "PRAGMA foreign_keys = on")))
                .isInstanceOf(StatementException.class)
                .hasMessageContaining("foreign key violation in table \"c\"");
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM p")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA foreign_keys")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aRebuildKeepsTheTablesTriggersAndTheViewsThatUseIt() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (id integer PRIMARY KEY, name text)");
            s.execute("CREATE TABLE log (msg text)");
            s.execute("CREATE VIEW names AS SELECT name FROM t");
            s.execute("CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.name); END");
        }
        PlanExecutor.execute(
                connection,
                plan(
                        true,
                        "PRAGMA foreign_keys = off",
                        "CREATE TABLE `new_t` (id integer PRIMARY KEY, name text, extra text)",
                        "INSERT INTO `new_t` (id, name) SELECT id, name FROM `t`",
                        "DROP TABLE `t`",
                        "ALTER TABLE `new_t` RENAME TO `t`",
                        "PRAGMA foreign_keys = on"));
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO t (id, name) VALUES (1, 'ada')");
            try (ResultSet rows = s.executeQuery("SELECT (SELECT msg FROM log), (SELECT name FROM names)")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ada");
                assertThat(rows.getString(2)).isEqualTo("ada");
            }
            try (ResultSet rows = s.executeQuery("PRAGMA legacy_alter_table")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }
}
