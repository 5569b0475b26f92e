package io.plumb.bench;

/**
 * A {@code DataMigration} is a statement of a generated migration file that changes rows already in a table, which
 * the migration-test cases of {@link TestsBench} check on the rows they seed.
 */
public sealed interface DataMigration {

    /** Returns the number of the table whose rows change. */
    int table();

    /**
     * Adds {@code delta} to every row's {@code qty}.
     *
     * @param table the table's number
     * @param delta what is added
     */
    record QtyShift(int table, int delta) implements DataMigration {

        String sql() {
            return "UPDATE t" + table + " SET qty = qty + " + delta;
        }
    }

    /**
     * Fills a column added in the same file from the row's {@code name}.
     *
     * @param table the table's number
     * @param column the added column
     */
    record Backfill(int table, String column) implements DataMigration {

        String sql() {
            return "UPDATE t" + table + " SET " + column + " = upper(name)";
        }
    }
}
