package io.plumb.engine.spec;

/**
 * A {@code ColumnRef} is a resolved reference to a column: {@code column.id} or {@code table.orgs.column.id}.
 *
 * @param table the column's table
 * @param column the column name
 */
record ColumnRef(TableDecl table, String column) {}
