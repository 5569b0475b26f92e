package io.plumb.engine.dialect.mysql;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A {@code TableDrops} plans the dropped tables of one plan so that the server accepts each statement: a table is
 * dropped before the tables its foreign keys reference, and when dropped tables reference each other in a cycle,
 * the keys that close the cycle are dropped first.
 */
final class TableDrops {

    private TableDrops() {}

    /**
     * Plans the drops; {@code name} renders a table's name from its schema and table name (qualified or not, as
     * the plan options ask).
     */
    static List<PlannedChange> plan(List<SchemaChange.DropTable> tables, BiFunction<String, String, String> name) {
        List<SchemaChange.DropTable> order = order(tables);
        List<PlannedChange> out = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        // Walking the drop order backwards, a key to a table not yet seen references a table dropped earlier.
        Set<String> later = new HashSet<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            SchemaChange.DropTable d = order.get(i);
            later.add(key(d.schema(), d.table().name()));
            for (ForeignKey fk : d.table().foreignKeys()) {
                String ref = key(fk.refSchema(), fk.refTable());
                if (!later.contains(ref) && isDropped(tables, ref)) {
                    dropped.add(key(d.schema(), d.table().name()) + "\u0000" + fk.name());
                }
            }
        }
        for (SchemaChange.DropTable d : order) {
            for (ForeignKey fk : d.table().foreignKeys()) {
                if (dropped.contains(key(d.schema(), d.table().name()) + "\u0000" + fk.name())) {
                    out.add(new PlannedChange(
                            "modify \"" + d.table().name() + "\" table",
                            "ALTER TABLE " + name.apply(d.schema(), d.table().name()) + " DROP FOREIGN KEY "
                                    + MysqlDdl.quote(fk.name())));
                }
            }
        }
        for (SchemaChange.DropTable d : order) {
            out.add(new PlannedChange(
                    "drop \"" + d.table().name() + "\" table",
                    "DROP TABLE " + name.apply(d.schema(), d.table().name())));
        }
        return out;
    }

    /**
     * Returns the index of the change after which all drops are planned: the first drop, or a later change that
     * drops a key referencing a dropped table, since the server refuses to drop a table a key still references.
     * Returns -1 when nothing is dropped.
     */
    static int after(List<SchemaChange> changes, List<SchemaChange.DropTable> dropped) {
        int at = -1;
        for (int i = 0; i < changes.size(); i++) {
            SchemaChange change = changes.get(i);
            if (change instanceof SchemaChange.DropTable && at < 0) {
                at = i;
            } else if (change instanceof SchemaChange.ModifyTable m && dropsKeyTo(m, dropped)) {
                at = Math.max(at, i);
            }
        }
        return dropped.isEmpty() ? -1 : at;
    }

    private static boolean dropsKeyTo(SchemaChange.ModifyTable m, List<SchemaChange.DropTable> dropped) {
        for (TableChange change : m.changes()) {
            if (change instanceof TableChange.DropForeignKey d && references(d.foreignKey(), dropped)
                    || change instanceof TableChange.ModifyForeignKey f && references(f.from(), dropped)) {
                return true;
            }
        }
        return false;
    }

    private static boolean references(ForeignKey fk, List<SchemaChange.DropTable> dropped) {
        return isDropped(dropped, key(fk.refSchema(), fk.refTable()));
    }

    /** Returns the tables with each one before the tables its keys reference; a cycle is cut where it closes. */
    static List<SchemaChange.DropTable> order(List<SchemaChange.DropTable> tables) {
        List<SchemaChange.DropTable> ordered = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (SchemaChange.DropTable table : tables) {
            visit(table, tables, visited, ordered);
        }
        Collections.reverse(ordered);
        return ordered;
    }

    // Depth-first, referenced tables first; the caller reverses the result.
    private static void visit(
            SchemaChange.DropTable table,
            List<SchemaChange.DropTable> all,
            Set<String> visited,
            List<SchemaChange.DropTable> ordered) {
        if (!visited.add(key(table.schema(), table.table().name()))) {
            return;
        }
        for (ForeignKey fk : table.table().foreignKeys()) {
            all.stream()
                    .filter(t -> key(t.schema(), t.table().name()).equals(key(fk.refSchema(), fk.refTable())))
                    .findFirst()
                    .ifPresent(t -> visit(t, all, visited, ordered));
        }
        ordered.add(table);
    }

    private static boolean isDropped(List<SchemaChange.DropTable> tables, String key) {
        return tables.stream().anyMatch(t -> key(t.schema(), t.table().name()).equals(key));
    }

    private static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }
}
