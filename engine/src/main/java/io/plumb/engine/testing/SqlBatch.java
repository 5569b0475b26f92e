package io.plumb.engine.testing;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.ScanException;
import io.plumb.engine.migrate.ScannerOptions;
import io.plumb.engine.migrate.Statement;
import io.plumb.engine.migrate.StatementScanner;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code SqlBatch} runs the SQL of a test command: the text is split into statements the way migration files are,
 * and run in order; the result is the last statement's. Text the scanner cannot split (an unclosed quote) runs as
 * one statement, so the database reports the error, as it would for a single statement.
 */
final class SqlBatch {

    private SqlBatch() {}

    /**
     * Runs the statements, stopping at the first that fails.
     *
     * @throws SQLException the failing statement's error
     */
    static ResultTable run(Database db, String sql) throws SQLException {
        ResultTable last = ResultTable.none();
        for (String statement : split(db, sql)) {
            try (java.sql.Statement jdbc = db.connection().createStatement()) {
                last = jdbc.execute(statement) ? ResultTable.read(jdbc.getResultSet()) : ResultTable.none();
            }
        }
        return last;
    }

    private static List<String> split(Database db, String sql) {
        try {
            return StatementScanner.scan(
                            sql, ScannerOptions.forDialect(db.dialect().name()))
                    .stream()
                    .map(Statement::text)
                    .toList();
        } catch (ScanException e) {
            return sql.isBlank() ? List.of() : List.of(sql);
        }
    }
}
