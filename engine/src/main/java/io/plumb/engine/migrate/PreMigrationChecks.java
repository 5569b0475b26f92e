package io.plumb.engine.migrate;

import io.plumb.engine.db.SqlErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code PreMigrationChecks} runs the check files of a txtar migration file: each assertion must return a single
 * true value (one row, one column: a boolean, or SQLite's {@code 1}); with {@code -- atlas:assert oneof} one true
 * assertion is enough.
 */
final class PreMigrationChecks {

    /**
     * The checks' outcome.
     *
     * @param ok assertions that held
     * @param failed assertions that returned false
     * @param errors assertions that could not be evaluated (a database error, or not a single boolean)
     * @param failure the message that stops the file, if any
     * @param failedAssertion the assertion the message is about, with its position in the migration file
     */
    record Outcome(int ok, int failed, int errors, Optional<String> failure, Optional<Statement> failedAssertion) {}

    private PreMigrationChecks() {}

    /** Runs the checks in order, stopping at the first check file that fails. */
    static Outcome run(Connection connection, List<CheckFile> checks, ApplyListener listener) {
        int ok = 0;
        int failed = 0;
        for (CheckFile check : checks) {
            int fileFailed = 0;
            Optional<Statement> firstFalse = Optional.empty();
            for (Statement assertion : check.statements()) {
                listener.statement(assertion.text());
                Verdict verdict = evaluate(connection, assertion.text());
                if (verdict.error().isPresent()) {
                    return new Outcome(ok, failed, 1, verdict.error(), Optional.of(assertion));
                }
                if (verdict.holds()) {
                    ok++;
                } else {
                    failed++;
                    fileFailed++;
                    firstFalse = firstFalse.or(() -> Optional.of(assertion));
                }
            }
            int total = check.statements().size();
            boolean fails = check.oneOf() ? total > 0 && fileFailed == total : fileFailed > 0;
            if (fails) {
                Statement assertion = firstFalse.orElseThrow();
                return new Outcome(
                        ok,
                        failed,
                        0,
                        Optional.of(fileFailed + " of " + total + " assertions failed: check assertion \""
                                + assertion.text() + "\" returned false"),
                        Optional.of(assertion));
            }
        }
        return new Outcome(ok, failed, 0, Optional.empty(), Optional.empty());
    }

    private record Verdict(boolean holds, Optional<String> error) {}

    private static Verdict evaluate(Connection connection, String sql) {
        try (java.sql.Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return notBoolean(sql, "no rows");
            }
            try (ResultSet rows = statement.getResultSet()) {
                if (rows.getMetaData().getColumnCount() != 1) {
                    return notBoolean(sql, rows.getMetaData().getColumnCount() + " columns");
                }
                if (!rows.next()) {
                    return notBoolean(sql, "no rows");
                }
                Object value = rows.getObject(1);
                if (rows.next()) {
                    return notBoolean(sql, "more than one row");
                }
                return truth(sql, value);
            }
        } catch (SQLException e) {
            return new Verdict(false, Optional.of("check assertion \"" + sql + "\": " + SqlErrors.message(e)));
        }
    }

    private static Verdict truth(String sql, @org.jspecify.annotations.Nullable Object value) {
        Optional<Boolean> truth = SqlTruth.of(value);
        if (truth.isPresent()) {
            return new Verdict(truth.get(), Optional.empty());
        }
        return notBoolean(sql, describe(value));
    }

    /** Returns a value as messages show it: {@code NULL}, or the value in double quotes. */
    static String describe(@org.jspecify.annotations.Nullable Object value) {
        return value == null ? "NULL" : "\"" + value + "\"";
    }

    private static Verdict notBoolean(String sql, String found) {
        return new Verdict(
                false,
                Optional.of("check assertion \"" + sql + "\" returned " + found + ": expected a single true value"));
    }
}
