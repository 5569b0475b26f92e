package io.plumb.engine.schema;

import java.util.List;
import java.util.Set;

/** Moves the references an object makes from one schema name to another, when its schema is renamed. */
final class ObjectRenames {

    private ObjectRenames() {}

    /** Returns a database-level object with the references it makes to a renamed schema moved to its new name. */
    static SchemaObject schema(SchemaObject object, String from, String to) {
        return schema(object, from, to, new QualifiedNames(from, to, Set.of()));
    }

    /** Returns an object with its references, and the names of its schema's types it uses, moved with the schema. */
    static SchemaObject schema(SchemaObject object, String from, String to, QualifiedNames names) {
        if (object instanceof View v) {
            return v.withDependsOn(refs(v.dependsOn(), from, to));
        } else if (object instanceof Routine r) {
            // A routine's return, argument and aggregate state types name the schema's own types as the catalogue
            // prints them ("dev"."status"): left behind, the same function in two schemas differed.
            return new Routine(
                    r.kind(),
                    r.name(),
                    names.rename(r.signature()),
                    r.arguments().stream()
                            .map(a -> new Argument(a.name(), names.rename(a.type()), a.mode(), a.defaultValue()))
                            .toList(),
                    r.returns().map(names::rename),
                    r.language(),
                    r.body(),
                    names.rename(r.options()),
                    r.comment(),
                    refs(r.dependsOn(), from, to));
        } else if (object instanceof Trigger t) {
            return new Trigger(
                    t.name(),
                    ref(t.on(), from, to),
                    t.timing(),
                    t.events(),
                    t.updateOf(),
                    t.forEachRow(),
                    t.when(),
                    t.body(),
                    t.execute(),
                    t.options(),
                    t.comment(),
                    refs(t.dependsOn(), from, to));
        } else if (object instanceof Domain d) {
            return new Domain(
                    d.name(),
                    names.rename(d.type()),
                    d.nullable(),
                    d.defaultValue(),
                    d.checks(),
                    d.comment(),
                    refs(d.dependsOn(), from, to));
        } else if (object instanceof CompositeType c) {
            return new CompositeType(
                    c.name(),
                    c.fields().stream().map(names::rename).toList(),
                    c.comment(),
                    refs(c.dependsOn(), from, to));
        } else if (object instanceof Event e) {
            return new Event(e.name(), e.schedule(), e.body(), e.options(), e.comment(), refs(e.dependsOn(), from, to));
        } else if (object instanceof Extension x) {
            return x.schema().equals(from) ? new Extension(x.name(), to, x.version(), x.comment()) : x;
        } else if (object instanceof EventTrigger t) {
            return new EventTrigger(
                    t.name(), t.event(), t.tags(), ref(t.function(), from, to), t.enabled(), t.comment());
        }
        // Sequences and policies name no schema of their own.
        return object;
    }

    private static List<ObjectRef> refs(List<ObjectRef> refs, String from, String to) {
        return refs.stream().map(r -> ref(r, from, to)).toList();
    }

    private static ObjectRef ref(ObjectRef ref, String from, String to) {
        return ref.schema().equals(from) ? new ObjectRef(ref.kind(), to, ref.identity()) : ref;
    }
}
