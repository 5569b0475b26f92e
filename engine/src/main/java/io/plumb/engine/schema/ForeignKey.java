package io.plumb.engine.schema;

import java.util.List;

/**
 * A {@code ForeignKey} constraint.
 *
 * @param name the constraint name (SQLite: the declared name, or the key's ordinal when it has none)
 * @param columns the referencing columns of this table
 * @param refSchema the schema of the referenced table
 * @param refTable the referenced table
 * @param refColumns the referenced columns
 * @param onUpdate the action on update
 * @param onDelete the action on delete
 * @param deferral when the key is checked (PostgreSQL: {@code DEFERRABLE ...}; elsewhere always the default)
 */
public record ForeignKey(
        String name,
        List<String> columns,
        String refSchema,
        String refTable,
        List<String> refColumns,
        ReferenceAction onUpdate,
        ReferenceAction onDelete,
        KeyDeferral deferral) {

    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }

    /** A key checked after each statement, the default of every dialect. */
    public ForeignKey(
            String name,
            List<String> columns,
            String refSchema,
            String refTable,
            List<String> refColumns,
            ReferenceAction onUpdate,
            ReferenceAction onDelete) {
        this(name, columns, refSchema, refTable, refColumns, onUpdate, onDelete, KeyDeferral.NOT_DEFERRABLE);
    }
}
