package io.plumb.engine.diff;

import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.References;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Recreations} adds the unchanged objects that a plan must drop and create again because something they
 * depend on goes away for a while: an object that is dropped or re-created (a view over a re-created view), or a
 * table that the planner rebuilds (its triggers, which {@code DROP TABLE} drops).
 */
final class Recreations {

    private Recreations() {}

    /** Returns the changes with a re-creating {@link SchemaChange.ModifyObject} for each such object. */
    static List<SchemaChange> add(List<SchemaChange> changes, Realm from, Realm to, DiffOptions options) {
        Set<ObjectRef> gone = new LinkedHashSet<>();
        Set<ObjectRef> rebuilt = new HashSet<>();
        Set<ObjectRef> touched = new HashSet<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.DropObject d) {
                gone.add(ObjectRef.to(d.schema(), d.object()));
                touched.add(ObjectRef.to(d.schema(), d.object()));
            } else if (change instanceof SchemaChange.ModifyObject m) {
                if (m.recreate()) {
                    gone.add(ObjectRef.to(m.schema(), m.from()));
                }
                touched.add(ObjectRef.to(m.schema(), m.to()));
            } else if (change instanceof SchemaChange.AddObject a) {
                touched.add(ObjectRef.to(a.schema(), a.object()));
            } else if (change instanceof SchemaChange.DropTable d) {
                gone.add(ObjectRef.table(d.schema(), d.table().name()));
            } else if (change instanceof SchemaChange.ModifyTable m
                    && options.normalizer().rebuilds(m)) {
                rebuilt.add(ObjectRef.table(m.schema(), m.to().name()));
            }
        }
        if (gone.isEmpty() && rebuilt.isEmpty()) {
            return changes;
        }
        List<SchemaChange> result = new ArrayList<>(changes);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Schema schema : to.schemas()) {
                Optional<Schema> current = from.schema(schema.name());
                if (current.isEmpty()) {
                    continue;
                }
                for (SchemaObject object : schema.objects()) {
                    ObjectRef self = ObjectRef.to(schema.name(), object);
                    Optional<SchemaObject> old = current.get().object(object.kind(), object.identity());
                    if (touched.contains(self) || old.isEmpty()) {
                        continue;
                    }
                    boolean onRebuilt = object instanceof Trigger t && rebuilt.contains(t.on());
                    if (onRebuilt
                            || !References.of(schema.name(), old.get(), List.copyOf(gone))
                                    .isEmpty()) {
                        result.add(new SchemaChange.ModifyObject(schema.name(), old.get(), object, true));
                        touched.add(self);
                        gone.add(self);
                        grew = true;
                    }
                }
            }
        }
        return result;
    }
}
