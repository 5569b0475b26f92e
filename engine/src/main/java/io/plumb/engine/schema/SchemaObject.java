package io.plumb.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * A {@code SchemaObject} is anything a schema holds besides its tables: a view, a routine, a trigger, a sequence, a
 * type, a policy, an event. Objects are values: two objects are the same when their records are equal, once a
 * dialect's {@link io.plumb.engine.diff.DiffNormalizer} has brought their SQL texts to the form the database prints
 * them in.
 */
public sealed interface SchemaObject
        permits View, Routine, Trigger, Sequence, Domain, CompositeType, Extension, Policy, EventTrigger, Event {

    /** Returns the object's kind. */
    ObjectKind kind();

    /** Returns the object's name. */
    String name();

    /**
     * Returns what tells this object apart from others of its kind in its schema: the name, except for PostgreSQL
     * routines, which may be overloaded ({@code add(integer, integer)}), and triggers, whose names are per table
     * ({@code orders.audit}).
     */
    default String identity() {
        return name();
    }

    /** Returns the objects and tables this object depends on, as the catalogue or a {@code depends_on} says. */
    List<ObjectRef> dependsOn();

    /** Returns the object's comment, where the dialect has them. */
    Optional<String> comment();

    /** Returns the SQL texts of the object (bodies, queries, conditions), searched for the names it uses. */
    List<String> sqlTexts();
}
