package io.plumb.engine.plan;

import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.References;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@code ObjectOrder} places the object changes of a plan around its table changes, which each dialect's planner
 * orders itself.
 *
 * <p>Objects that the new or changed tables use (a function in a check or default, a sequence, a domain or a
 * composite type) are created {@link Steps#before() before} the tables; every other object (views, triggers,
 * routines that read tables) {@link Steps#after() after} them. Among themselves, objects are created in dependency
 * order and dropped in the reverse order; an object that a dropped or changed table still uses is dropped after
 * the table changes. Dependencies are those an object declares and those its SQL texts name ({@link References}).
 */
public final class ObjectOrder {

    /**
     * The object steps of a plan.
     *
     * @param before the steps to take before the table changes: drops, then the objects the tables use
     * @param after the steps to take after them: the remaining creates and replacements, then late drops
     */
    public record Steps(List<ObjectStep> before, List<ObjectStep> after) {

        public Steps {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    private ObjectOrder() {}

    /** Returns the object steps of the changes, ordered and split around the table changes. */
    public static Steps of(List<SchemaChange> changes) {
        List<ObjectStep> creates = new ArrayList<>();
        List<ObjectStep> drops = new ArrayList<>();
        List<Map.Entry<String, Table>> newTables = new ArrayList<>();
        List<Map.Entry<String, Table>> oldTables = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AddObject a) {
                creates.add(new ObjectStep.Create(a.schema(), a.object()));
            } else if (change instanceof SchemaChange.DropObject d) {
                drops.add(new ObjectStep.Drop(d.schema(), d.object()));
            } else if (change instanceof SchemaChange.ModifyObject m) {
                if (m.recreate()) {
                    drops.add(new ObjectStep.Drop(m.schema(), m.from()));
                    creates.add(new ObjectStep.Create(m.schema(), m.to()));
                } else {
                    creates.add(new ObjectStep.Replace(m.schema(), m.from(), m.to()));
                }
            } else if (change instanceof SchemaChange.AddTable a) {
                newTables.add(Map.entry(a.schema(), a.table()));
            } else if (change instanceof SchemaChange.ModifyTable m) {
                newTables.add(Map.entry(m.schema(), m.to()));
                oldTables.add(Map.entry(m.schema(), m.from()));
            } else if (change instanceof SchemaChange.DropTable d) {
                oldTables.add(Map.entry(d.schema(), d.table()));
            } else if (change instanceof SchemaChange.DropSchema d) {
                // Dropping a schema drops what is in it; only what other schemas use of it must go first.
                d.schema()
                        .tables()
                        .forEach(t -> oldTables.add(Map.entry(d.schema().name(), t)));
            }
        }
        Set<ObjectRef> usedByNewTables = usedByTables(newTables, creates);
        Set<ObjectRef> usedByOldTables = usedByTables(oldTables, drops);
        List<ObjectStep> early = new ArrayList<>();
        List<ObjectStep> late = new ArrayList<>();
        List<ObjectStep> earlyDrops = new ArrayList<>();
        List<ObjectStep> lateDrops = new ArrayList<>();
        // Extensions bring types, functions and operators that anything may use, so they come first and go last.
        for (ObjectStep step : sorted(creates)) {
            (usedByNewTables.contains(ref(step)) || isExtension(step) ? early : late).add(step);
        }
        List<ObjectStep> dropOrder = new ArrayList<>(sorted(drops));
        Collections.reverse(dropOrder);
        for (ObjectStep step : dropOrder) {
            (usedByOldTables.contains(ref(step)) || isExtension(step) ? lateDrops : earlyDrops).add(step);
        }
        List<ObjectStep> before = new ArrayList<>(earlyDrops);
        before.addAll(early);
        List<ObjectStep> after = new ArrayList<>(late);
        after.addAll(lateDrops);
        return new Steps(before, after);
    }

    /** Returns the objects of the steps that the tables use, and what those objects use in turn. */
    private static Set<ObjectRef> usedByTables(List<Map.Entry<String, Table>> tables, List<ObjectStep> steps) {
        List<ObjectRef> candidates = steps.stream().map(ObjectOrder::ref).toList();
        Set<ObjectRef> used = new HashSet<>();
        for (Map.Entry<String, Table> table : tables) {
            used.addAll(References.of(table.getKey(), table.getValue(), candidates));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ObjectStep step : steps) {
                if (used.contains(ref(step))) {
                    grew |= used.addAll(References.of(step.schema(), step.object(), candidates));
                }
            }
        }
        return used;
    }

    /**
     * Returns the steps in dependency order: each after the steps whose objects it uses, and otherwise by kind
     * ({@link io.plumb.engine.schema.ObjectKind}'s order) and then as given. A cycle is broken where it closes.
     */
    static List<ObjectStep> sorted(List<ObjectStep> steps) {
        List<ObjectStep> byKind = new ArrayList<>(steps);
        byKind.sort(Comparator.comparing(s -> s.object().kind().ordinal()));
        Map<ObjectRef, ObjectStep> index = new LinkedHashMap<>();
        byKind.forEach(s -> index.put(ref(s), s));
        List<ObjectRef> candidates = List.copyOf(index.keySet());
        List<ObjectStep> out = new ArrayList<>();
        Set<ObjectRef> done = new HashSet<>();
        Set<ObjectRef> visiting = new HashSet<>();
        for (ObjectStep step : byKind) {
            visit(step, index, candidates, done, visiting, out);
        }
        return out;
    }

    private static void visit(
            ObjectStep step,
            Map<ObjectRef, ObjectStep> index,
            List<ObjectRef> candidates,
            Set<ObjectRef> done,
            Set<ObjectRef> visiting,
            List<ObjectStep> out) {
        ObjectRef self = ref(step);
        if (done.contains(self) || !visiting.add(self)) {
            return;
        }
        for (ObjectRef dep : References.of(step.schema(), step.object(), candidates)) {
            ObjectStep used = index.get(dep);
            if (used != null) {
                visit(used, index, candidates, done, visiting, out);
            }
        }
        visiting.remove(self);
        done.add(self);
        out.add(step);
    }

    private static boolean isExtension(ObjectStep step) {
        return step.object().kind() == io.plumb.engine.schema.ObjectKind.EXTENSION;
    }

    private static ObjectRef ref(ObjectStep step) {
        return ObjectRef.to(step.schema(), step.object());
    }
}
