package io.plumb.engine.dialect.postgres;

import io.plumb.engine.plan.ObjectDdl;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.EventTrigger;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.util.List;
import java.util.Optional;

/**
 * The {@code PostgresObjectDdl} writes PostgreSQL's statements for schema objects, handing each kind to its own
 * class: {@link ViewDdl} (views and materialized views), {@link RoutineDdl} (functions, procedures, aggregates),
 * {@link TriggerDdl} (triggers and event triggers), {@link TypeObjectDdl} (sequences, domains, composite types,
 * extensions, policies). A kind no class handles is a plan error naming the object.
 */
final class PostgresObjectDdl implements ObjectDdl {

    private final ViewDdl views;
    private final RoutineDdl routines;
    private final TriggerDdl triggers;
    private final TypeObjectDdl types;

    PostgresObjectDdl(PostgresDdl ddl) {
        this.types = new TypeObjectDdl(ddl);
        this.views = new ViewDdl(ddl);
        this.routines = new RoutineDdl(ddl);
        this.triggers = new TriggerDdl(ddl);
    }

    @Override
    public List<PlannedChange> create(String schema, SchemaObject object) {
        if (TypeObjectDdl.handles(object)) {
            return types.create(schema, object);
        } else if (object instanceof View v) {
            return views.create(schema, v);
        } else if (object instanceof Routine r) {
            return routines.createWithComment(schema, r);
        } else if (object instanceof Trigger t) {
            return triggers.create(schema, t, false);
        } else if (object instanceof EventTrigger e) {
            return triggers.create(e);
        }
        throw ObjectDdl.unsupported("postgres", object);
    }

    @Override
    public List<PlannedChange> drop(String schema, SchemaObject object) {
        if (TypeObjectDdl.handles(object)) {
            return types.drop(schema, object);
        } else if (object instanceof View v) {
            return views.drop(schema, v);
        } else if (object instanceof Routine r) {
            return routines.drop(schema, r);
        } else if (object instanceof Trigger t) {
            return triggers.drop(schema, t);
        } else if (object instanceof EventTrigger e) {
            return triggers.drop(e);
        }
        throw ObjectDdl.unsupported("postgres", object);
    }

    @Override
    public List<PlannedChange> replace(String schema, SchemaObject from, SchemaObject to) {
        if (TypeObjectDdl.handles(to)) {
            return types.replace(schema, from, to);
        } else if (to instanceof View v) {
            return views.replace(schema, (View) from, v);
        } else if (to instanceof Routine r) {
            return routines.replace(schema, (Routine) from, r);
        } else if (to instanceof Trigger t) {
            return triggers.replace(schema, (Trigger) from, t);
        }
        throw ObjectDdl.unsupported("postgres", to);
    }

    /** Returns the {@code COMMENT ON} change for an object, or nothing when both comments are equal. */
    static List<PlannedChange> comment(String target, Optional<String> from, Optional<String> to, String what) {
        if (from.equals(to)) {
            return List.of();
        }
        return List.of(PostgresPlanner.change(
                "set comment to " + what,
                "COMMENT ON " + target + " IS " + to.map(PostgresDdl::literal).orElse("NULL")));
    }

    /** Returns the plan comment's name of an object: {@code "v" view}. */
    static String named(SchemaObject object) {
        return "\"" + object.name() + "\" " + object.kind().label();
    }
}
