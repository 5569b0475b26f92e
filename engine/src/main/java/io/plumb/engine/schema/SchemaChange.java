package io.plumb.engine.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code SchemaChange} is one top-level difference between two realms, as the differ finds it and the planner
 * turns it into statements.
 */
public sealed interface SchemaChange {

    /**
     * Returns the changes that create every table and object of a realm in its schemas, which exist but are empty,
     * as a plan for an empty database: a schema's own attributes (comment, options such as PostgreSQL's enum types
     * or MySQL's charset) come as a {@link ModifySchema} from the bare schema. The planner puts them in dependency
     * order.
     */
    static List<SchemaChange> createAll(Realm realm) {
        List<SchemaChange> changes = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            if (schema.comment().isPresent() || !schema.options().isEmpty()) {
                changes.add(new ModifySchema(Schema.of(schema.name(), List.of()), schema));
            }
        }
        realm.objects().forEach(o -> changes.add(new AddObject("", o)));
        for (Schema schema : realm.schemas()) {
            schema.tables().forEach(t -> changes.add(new AddTable(schema.name(), t)));
            schema.objects().forEach(o -> changes.add(new AddObject(schema.name(), o)));
        }
        return List.copyOf(changes);
    }

    /**
     * Returns the changes that drop every table, object and enum type of a realm's schemas, and its database-level
     * objects (a PostgreSQL event trigger must go before the function it runs).
     */
    static List<SchemaChange> dropAll(Realm realm) {
        List<SchemaChange> changes = new ArrayList<>();
        realm.objects().forEach(o -> changes.add(new DropObject("", o)));
        for (Schema schema : realm.schemas()) {
            schema.objects().forEach(o -> changes.add(new DropObject(schema.name(), o)));
            schema.tables().forEach(t -> changes.add(new DropTable(schema.name(), t)));
            // Enum types are schema options; the planner drops those the schema no longer has after its tables.
            Schema withoutEnums = schema.withoutEnums();
            if (withoutEnums != schema) {
                changes.add(new ModifySchema(schema, withoutEnums));
            }
        }
        return List.copyOf(changes);
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

    /**
     * A view, routine, trigger, sequence, type, policy or event to create.
     *
     * @param schema the name of the object's schema; empty for a database-level object
     * @param object the new object
     */
    record AddObject(String schema, SchemaObject object) implements SchemaChange {}

    /**
     * An object to drop.
     *
     * @param schema the name of the object's schema; empty for a database-level object
     * @param object the object as it is now
     */
    record DropObject(String schema, SchemaObject object) implements SchemaChange {}

    /**
     * An object that changes: replaced in place ({@code CREATE OR REPLACE}, {@code ALTER}), or dropped and created
     * again where the database allows no other way or where something it depends on is re-created.
     *
     * @param schema the name of the object's schema; empty for a database-level object
     * @param from the object as it is now
     * @param to the object as it should be
     * @param recreate whether it is dropped and created again rather than replaced in place
     */
    record ModifyObject(String schema, SchemaObject from, SchemaObject to, boolean recreate) implements SchemaChange {}
}
