package io.plumb.engine.lint;

import java.util.List;
import java.util.Optional;

/**
 * A {@code DataDependHandler} is a dialect's part of the {@code data_depend} analyzer: what adding a NOT NULL
 * column without a default, and making a column NOT NULL, do on that dialect. Diagnostics without a code get the
 * analyzer's ({@code MF103}, {@code MF104}).
 */
public interface DataDependHandler {

    /** Returns the diagnostics of a non-nullable column without a default added to an existing table. */
    List<Diagnostic> addNotNull(ColumnPass pass);

    /**
     * Returns the diagnostics of a column made non-nullable, or empty to let the analyzer report its generic
     * {@code MF104} (unless an earlier statement of the file fills the column).
     */
    default Optional<List<Diagnostic>> modifyNotNull(ColumnPass pass) {
        return Optional.empty();
    }

    /** Returns the handler of a dialect. */
    static DataDependHandler forDialect(String dialect) {
        return switch (dialect) {
            case "sqlite" -> new SqliteDataDepend();
            case "mysql" -> new MysqlDataDepend();
            default -> DataDependHandler::mightFail;
        };
    }

    /** Returns the {@code MF103} diagnostic: the statement fails when the table has rows. */
    static List<Diagnostic> mightFail(ColumnPass pass) {
        return List.of(Diagnostic.of(
                pass.change().pos(),
                "",
                "Adding a non-nullable " + Quote.go(pass.column().type().sql()) + " column "
                        + Quote.go(pass.column().name()) + " will fail in case table "
                        + Quote.go(pass.table().name())
                        + " is not empty"));
    }

    /** SQLite: {@code MF103}, and {@code LT101} for a column made NOT NULL without a default. */
    final class SqliteDataDepend implements DataDependHandler {

        @Override
        public List<Diagnostic> addNotNull(ColumnPass pass) {
            return mightFail(pass);
        }

        @Override
        public Optional<List<Diagnostic>> modifyNotNull(ColumnPass pass) {
            if (pass.column().defaultValue().isPresent()
                    || Backfills.filledBefore(
                            pass.pass().file(),
                            pass.table().name(),
                            pass.column().name(),
                            pass.change().pos())) {
                return Optional.of(List.of());
            }
            return Optional.of(List.of(Diagnostic.of(
                    pass.change().pos(),
                    "LT101",
                    "Modifying nullable column " + Quote.go(pass.column().name())
                            + " to non-nullable without default value might fail in case it contains NULL values")));
        }
    }

    /**
     * MySQL and MariaDB: they fill existing rows of most types with a zero value instead of failing (MY101, the
     * MySQL analyzers' part); a {@code date} or {@code datetime} column fails on MySQL ({@code MF103}).
     */
    final class MysqlDataDepend implements DataDependHandler {

        @Override
        public List<Diagnostic> addNotNull(ColumnPass pass) {
            return MysqlImplicitUpdates.addNotNull(pass);
        }
    }
}
