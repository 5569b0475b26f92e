package io.plumb.engine.plan;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.schema.SchemaObject;
import java.util.List;

/**
 * An {@code ObjectDdl} writes one dialect's statements for views, routines, triggers and the other schema objects.
 * A dialect that cannot express a kind throws {@link PlanException} naming the object, never leaves it out.
 */
public interface ObjectDdl {

    /** Returns the statements that create the object in the schema (empty for a database-level object). */
    List<PlannedChange> create(String schema, SchemaObject object);

    /** Returns the statements that drop the object. */
    List<PlannedChange> drop(String schema, SchemaObject object);

    /**
     * Returns the statements that turn {@code from} into {@code to} in place; called only for changes the dialect's
     * {@link io.plumb.engine.diff.DiffNormalizer#replaceable} allows.
     */
    List<PlannedChange> replace(String schema, SchemaObject from, SchemaObject to);

    /** Appends the statements of the steps, in order. */
    default void plan(List<ObjectStep> steps, List<PlannedChange> out) {
        for (ObjectStep step : steps) {
            if (step instanceof ObjectStep.Create c) {
                out.addAll(create(c.schema(), c.object()));
            } else if (step instanceof ObjectStep.Drop d) {
                out.addAll(drop(d.schema(), d.object()));
            } else if (step instanceof ObjectStep.Replace r) {
                out.addAll(replace(r.schema(), r.from(), r.object()));
            }
        }
    }

    /** Returns the error for an object a dialect cannot plan. */
    static PlanException unsupported(String dialect, SchemaObject object) {
        return new PlanException(object.kind().label() + " \"" + object.name() + "\": " + dialect + " cannot plan "
                + object.kind().label() + "s yet");
    }
}
