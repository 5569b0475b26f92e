package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ChildTableChanges} plans the changes of a table's parents: {@code INHERIT} and {@code NO INHERIT} actions
 * for an inheriting table, and for a partition whose parent or bound changes, {@code DETACH PARTITION} from the old
 * parent and {@code ATTACH PARTITION} to the new one, which keep the table and its rows.
 */
final class ChildTableChanges {

    private ChildTableChanges() {}

    static void plan(
            PostgresDdl ddl,
            String schema,
            Table from,
            Table to,
            List<String> clauses,
            List<Runnable> after,
            List<PlannedChange> out) {
        Map<String, String> a = from.options();
        Map<String, String> b = to.options();
        List<String> oldParents = a.containsKey(ChildTables.INHERITS) ? ChildTables.parents(a) : List.of();
        List<String> newParents = b.containsKey(ChildTables.INHERITS) ? ChildTables.parents(b) : List.of();
        oldParents.stream()
                .filter(p -> !newParents.contains(p))
                .forEach(p -> clauses.add("NO INHERIT " + ChildTables.sqlName(ddl, schema, p)));
        newParents.stream()
                .filter(p -> !oldParents.contains(p))
                .forEach(p -> clauses.add("INHERIT " + ChildTables.sqlName(ddl, schema, p)));
        String oldParent = a.get(ChildTables.PARTITION_OF);
        String newParent = b.get(ChildTables.PARTITION_OF);
        boolean moved = !Objects.equals(oldParent, newParent)
                || !Objects.equals(a.get(ChildTables.BOUND), b.get(ChildTables.BOUND));
        if (!moved) {
            return;
        }
        String table = ddl.table(schema, to.name());
        String what = "modify \"" + to.name() + "\" table";
        if (oldParent != null) {
            after.add(() -> out.add(change(
                    what,
                    "ALTER TABLE " + ChildTables.sqlName(ddl, schema, oldParent) + " DETACH PARTITION " + table)));
        }
        if (newParent != null) {
            after.add(() -> out.add(change(
                    what,
                    "ALTER TABLE " + ChildTables.sqlName(ddl, schema, newParent) + " ATTACH PARTITION " + table + " "
                            + b.get(ChildTables.BOUND))));
        }
    }
}
