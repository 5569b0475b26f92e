package io.plumb.engine.plan;

import io.plumb.engine.schema.SchemaObject;

/** An {@code ObjectStep} is one thing a planner does to a view, routine, trigger or other schema object. */
public sealed interface ObjectStep {

    /** Returns the name of the object's schema; empty for a database-level object. */
    String schema();

    /** Returns the object the step leaves behind, or for a drop the object it drops. */
    SchemaObject object();

    /**
     * Creates an object.
     *
     * @param schema the schema name
     * @param object the new object
     */
    record Create(String schema, SchemaObject object) implements ObjectStep {}

    /**
     * Drops an object.
     *
     * @param schema the schema name
     * @param object the object as it is now
     */
    record Drop(String schema, SchemaObject object) implements ObjectStep {}

    /**
     * Changes an object in place.
     *
     * @param schema the schema name
     * @param from the object as it is now
     * @param object the object as it should be
     */
    record Replace(String schema, SchemaObject from, SchemaObject object) implements ObjectStep {}
}
