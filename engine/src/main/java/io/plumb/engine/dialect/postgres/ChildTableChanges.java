package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ChildTableChanges} plans the changes of a table's parents: {@code INHERIT} and {@code NO INHERIT} actions
 * for an inheriting table, and for a partition whose parent or bound changes, {@code DETACH PARTITION} from the old
 * parent and {@code ATTACH PARTITION} to the new one, which keep the table and its rows.
 */
final class ChildTableChanges {

    private ChildTableChanges() {}

    /**
     * Returns the change of an inheriting table without the column changes that a change of one of its parents in
     * the same plan makes for it: PostgreSQL carries a parent's {@code ADD}, {@code DROP} and {@code ALTER COLUMN}
     * to its children, and refuses them on the child itself.
     */
    static SchemaChange.ModifyTable withoutInherited(SchemaChange.ModifyTable child, List<SchemaChange> changes) {
        List<String> parents = ChildTables.parents(child.to().options());
        if (parents.isEmpty() || ChildTables.isPartition(child.to())) {
            return child;
        }
        Set<String> inherited = new HashSet<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.ModifyTable m
                    && parents.contains(ChildTables.qualified(m.schema(), m.to().name()))) {
                m.changes().forEach(c -> column(c).ifPresent(inherited::add));
            }
        }
        List<TableChange> own = child.changes().stream()
                .filter(c -> column(c).map(n -> !inherited.contains(n)).orElse(true))
                .toList();
        return new SchemaChange.ModifyTable(child.schema(), child.from(), child.to(), own);
    }

    private static Optional<String> column(TableChange change) {
        if (change instanceof TableChange.AddColumn a) {
            return Optional.of(a.column().name());
        } else if (change instanceof TableChange.DropColumn d) {
            return Optional.of(d.column().name());
        } else if (change instanceof TableChange.ModifyColumn m) {
            return Optional.of(m.to().name());
        }
        return Optional.empty();
    }

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
