package io.plumb.engine.schema;

/**
 * An {@code ObjectRef} points at a table or schema object that another object depends on.
 *
 * @param kind the kind of the object pointed at
 * @param schema the schema of the object pointed at; empty for database-level objects (extensions, event triggers)
 * @param identity the object's {@link SchemaObject#identity() identity} in its schema (for a table, its name)
 */
public record ObjectRef(ObjectKind kind, String schema, String identity) {

    /** Returns a reference to a table. */
    public static ObjectRef table(String schema, String name) {
        return new ObjectRef(ObjectKind.TABLE, schema, name);
    }

    /** Returns a reference to the given object of the given schema. */
    public static ObjectRef to(String schema, SchemaObject object) {
        return new ObjectRef(object.kind(), schema, object.identity());
    }

    @Override
    public String toString() {
        return kind.label() + " " + (schema.isEmpty() ? "" : "\"" + schema + "\".") + "\"" + identity + "\"";
    }
}
