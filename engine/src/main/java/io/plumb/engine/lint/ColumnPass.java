package io.plumb.engine.lint;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Table;

/**
 * A {@code ColumnPass} is what a {@link DataDependHandler} is given for one column change.
 *
 * @param pass the analysis pass
 * @param change the statement's change
 * @param schema the table's schema
 * @param table the table after the statement
 * @param column the diagnosed column, as it is after the statement
 */
public record ColumnPass(Pass pass, Change change, String schema, Table table, Column column) {}
