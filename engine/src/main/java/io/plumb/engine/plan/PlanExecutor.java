package io.plumb.engine.plan;

import io.plumb.engine.db.SqlErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code PlanExecutor} runs a plan's statements on a connection, in one transaction when the plan allows it, so
 * that a failed statement leaves the database as it was.
 *
 * <p>SQLite ignores {@code PRAGMA foreign_keys} inside a transaction, so the executor runs the pragmas a SQLite plan
 * brackets a table rebuild with around the transaction instead, and checks the keys ({@code PRAGMA
 * foreign_key_check}) before it commits: this is SQLite's documented procedure for altering a table. The triggers
 * and views of a rebuilt table survive the rebuild ({@link SqliteRebuilds}).
 */
public final class PlanExecutor {

    private static final String FKS_OFF = "PRAGMA foreign_keys = off";
    private static final String FKS_ON = "PRAGMA foreign_keys = on";

    private PlanExecutor() {}

    /**
     * Executes the plan.
     *
     * @throws StatementException naming the statement the database refused; the transaction is rolled back
     */
    public static void execute(Connection connection, Plan plan) {
        execute(connection, plan, () -> {});
    }

    /**
     * Executes the plan, then more work on the same connection before the transaction commits (after the last
     * statement when the plan is not transactional), such as recording what the plan did; when the work throws, a
     * transactional plan is rolled back.
     *
     * @throws StatementException naming the statement the database refused; the transaction is rolled back
     */
    public static void execute(Connection connection, Plan plan, Runnable beforeCommit) {
        List<String> statements = new ArrayList<>();
        boolean fksOff = false;
        for (PlannedChange change : plan.changes()) {
            String sql = change.sql().trim();
            if (sql.equalsIgnoreCase(FKS_OFF)) {
                fksOff = true;
            } else if (!sql.equalsIgnoreCase(FKS_ON)) {
                statements.add(sql);
            }
        }
        SqliteRebuilds rebuilds = SqliteRebuilds.of(connection, statements);
        try {
            boolean restoreFks = fksOff && foreignKeysEnabled(connection);
            if (restoreFks) {
                run(connection, FKS_OFF);
            }
            try {
                if (plan.transactional()) {
                    inTransaction(connection, statements, rebuilds, restoreFks, beforeCommit);
                } else {
                    runAll(connection, statements, rebuilds);
                    beforeCommit.run();
                }
            } finally {
                if (restoreFks) {
                    run(connection, FKS_ON);
                }
            }
        } catch (SQLException e) {
            throw new StatementException("COMMIT", SqlErrors.message(e), e);
        }
    }

    private static void inTransaction(
            Connection connection,
            List<String> statements,
            SqliteRebuilds rebuilds,
            boolean checkKeys,
            Runnable beforeCommit)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            runAll(connection, statements, rebuilds);
            if (checkKeys) {
                checkForeignKeys(connection);
            }
            beforeCommit.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void runAll(Connection connection, List<String> statements, SqliteRebuilds rebuilds) {
        rebuilds.before(connection);
        try {
            for (String sql : statements) {
                run(connection, sql);
            }
            rebuilds.after(connection);
        } finally {
            rebuilds.restore(connection);
        }
    }

    private static void run(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StatementException(sql, SqlErrors.message(e), e);
        }
    }

    private static boolean foreignKeysEnabled(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
            return rows.next() && rows.getInt(1) == 1;
        } catch (SQLException e) {
            throw new StatementException("PRAGMA foreign_keys", SqlErrors.message(e), e);
        }
    }

    private static void checkForeignKeys(Connection connection) throws SQLException {
        String check = "PRAGMA foreign_key_check";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(check)) {
            if (rows.next()) {
                String reason = String.format(
                        Locale.ROOT,
                        "foreign key violation in table \"%s\" (row %s references table \"%s\")",
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3));
                throw new StatementException(check, reason, new SQLException(reason));
            }
        }
    }
}
