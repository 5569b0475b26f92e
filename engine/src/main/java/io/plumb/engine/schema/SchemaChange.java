package io.plumb.engine.schema;

import java.util.List;

/**
 * A {@code SchemaChange} is one top-level difference between two realms, as the differ finds it and the planner
 * turns it into statements.
 */
public sealed interface SchemaChange {

    /** Returns the changes that create every table of a realm, as a plan for an empty database. */
    static List<SchemaChange> createAll(Realm realm) {
        return realm.schemas().stream()
                .flatMap(s -> s.tables().stream().<SchemaChange>map(t -> new AddTable(s.name(), t)))
                .toList();
    }

    /** Returns the changes that drop every table of a realm. */
    static List<SchemaChange> dropAll(Realm realm) {
        return realm.schemas().stream()
                .flatMap(s -> s.tables().stream().<SchemaChange>map(t -> new DropTable(s.name(), t)))
                .toList();
    }

    /**
     * A schema to create.
     *
     * @param schema the new schema, with its tables (which come as their own {@link AddTable} changes)
     */
    record AddSchema(Schema schema) implements SchemaChange {}

    /**
     * A schema to drop, with everything in it.
     *
     * @param schema the schema as it is now
     */
    record DropSchema(Schema schema) implements SchemaChange {}

    /**
     * A schema whose own attributes (comment, options) change.
     *
     * @param from the schema as it is now
     * @param to the schema as it should be
     */
    record ModifySchema(Schema from, Schema to) implements SchemaChange {}

    /**
     * A table to create, with its keys, checks and indexes.
     *
     * @param schema the name of the table's schema
     * @param table the new table
     */
    record AddTable(String schema, Table table) implements SchemaChange {}

    /**
     * A table to drop.
     *
     * @param schema the name of the table's schema
     * @param table the table as it is now
     */
    record DropTable(String schema, Table table) implements SchemaChange {}

    /**
     * A table that changes.
     *
     * @param schema the name of the table's schema
     * @param from the table as it is now
     * @param to the table as it should be
     * @param changes what changes, in the order the differ found it: attributes, columns, indexes, keys
     */
    record ModifyTable(String schema, Table from, Table to, List<TableChange> changes) implements SchemaChange {

        public ModifyTable {
            changes = List.copyOf(changes);
        }
    }
}
