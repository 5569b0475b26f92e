package io.plumb.engine.revert;

import io.plumb.engine.db.Database;
import io.plumb.engine.lint.CheckFixes;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code DataLossCheck} is one assertion that a revert loses no data, run on the target before anything changes:
 * a dropped table holds no rows, a dropped column is NULL in every row. The assertions are those {@code migrate lint
 * --fix} writes for the same drops.
 *
 * @param sql the assertion, a query of one boolean value, without a trailing semicolon
 * @param failure what a false answer means, naming the table or column
 */
public record DataLossCheck(String sql, String failure) {

    /** Returns the checks of the drops among a revert's changes, in order. */
    static List<DataLossCheck> of(Database target, List<SchemaChange> changes) {
        List<DataLossCheck> checks = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.DropSchema drop) {
                for (Table table : drop.schema().tables()) {
                    checks.add(table(target, drop.schema().name(), table.name()));
                }
            } else if (change instanceof SchemaChange.DropTable drop) {
                checks.add(table(target, drop.schema(), drop.table().name()));
            } else if (change instanceof SchemaChange.ModifyTable modify) {
                for (TableChange inner : modify.changes()) {
                    if (inner instanceof TableChange.DropColumn drop
                            && drop.column().isStored()) {
                        String table = modify.from().name();
                        checks.add(new DataLossCheck(
                                statement(CheckFixes.columnIsNull(
                                        target,
                                        modify.schema(),
                                        table,
                                        drop.column().name())),
                                "column \"" + drop.column().name() + "\" of table \"" + table
                                        + "\" holds non-NULL values"));
                    }
                }
            }
        }
        return checks;
    }

    private static DataLossCheck table(Database target, String schema, String table) {
        return new DataLossCheck(
                statement(CheckFixes.tableIsEmpty(target, schema, table)), "table \"" + table + "\" is not empty");
    }

    private static String statement(String assertion) {
        return assertion.endsWith(";") ? assertion.substring(0, assertion.length() - 1) : assertion;
    }
}
