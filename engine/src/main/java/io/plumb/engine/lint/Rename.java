package io.plumb.engine.lint;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Table;

/**
 * A {@code Rename} is a change the differ reports as a drop and an add, recognised as a rename from the statement
 * that made it ({@code ALTER TABLE t RENAME TO u}, {@code ... RENAME COLUMN a TO b}, {@code RENAME TABLE}, {@code
 * ALTER INDEX ... RENAME TO}); the drop and the add are then left out of the statement's changes.
 */
public sealed interface Rename {

    /** Returns the name of the schema the renamed object is in. */
    String schema();

    /**
     * A table rename.
     *
     * @param schema the table's schema
     * @param from the table before the statement
     * @param to the table after it
     */
    record TableRename(String schema, Table from, Table to) implements Rename {}

    /**
     * A column rename.
     *
     * @param schema the table's schema
     * @param table the table after the statement
     * @param from the column before the statement
     * @param to the column after it
     */
    record ColumnRename(String schema, Table table, Column from, Column to) implements Rename {}

    /**
     * An index rename.
     *
     * @param schema the table's schema
     * @param table the table after the statement
     * @param from the index before the statement
     * @param to the index after it
     */
    record IndexRename(String schema, Table table, Index from, Index to) implements Rename {}
}
