package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;
import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code TableCreation} plans the new tables of one plan: each {@code CREATE TABLE} with its keys and checks,
 * then its indexes and comments, in an order where a foreign key's table already exists; a key whose table comes
 * later (a cycle) is added by an {@code ALTER TABLE} once every table exists.
 */
final class TableCreation {

    private final PostgresDdl ddl;
    private final List<PlannedChange> out;

    TableCreation(PostgresDdl ddl, List<PlannedChange> out) {
        this.ddl = ddl;
        this.out = out;
    }

    void createAll(List<SchemaChange.AddTable> tables) {
        List<SchemaChange.AddTable> ordered = createOrder(tables);
        Set<String> pending = new HashSet<>();
        ordered.forEach(a -> pending.add(key(a.schema(), a.table().name())));
        List<Runnable> deferred = new ArrayList<>();
        for (SchemaChange.AddTable add : ordered) {
            pending.remove(key(add.schema(), add.table().name()));
            List<ForeignKey> later = add.table().foreignKeys().stream()
                    .filter(fk -> pending.contains(key(fk.refSchema(), fk.refTable())))
                    .toList();
            create(add.schema(), add.table(), later);
            for (ForeignKey fk : later) {
                deferred.add(() -> out.add(change(
                        "modify \"" + add.table().name() + "\" table",
                        "ALTER TABLE " + ddl.table(add.schema(), add.table().name()) + " ADD "
                                + ddl.foreignKey(add.schema(), fk))));
            }
        }
        deferred.forEach(Runnable::run);
    }

    private void create(String schema, Table table, List<ForeignKey> later) {
        List<String> items = new ArrayList<>();
        // A partition's columns are its parent's: CREATE TABLE ... PARTITION OF lists only its own constraints.
        if (!ChildTables.isPartition(table)) {
            table.columns().forEach(c -> items.add(PostgresDdl.column(c)));
        }
        List<KeySignature> inline = new ArrayList<>();
        table.primaryKey().ifPresent(pk -> {
            items.add(PostgresDdl.primaryKey(pk));
            inline.add(KeySignature.of(pk));
        });
        List<Index> separate = new ArrayList<>();
        for (Index index : table.indexes()) {
            if (PostgresDdl.isExclusion(index)) {
                // An exclusion constraint's index is of its own kind: CREATE TABLE merges none into it.
                items.add(PostgresDdl.exclude(index));
                continue;
            }
            if (!PostgresDdl.isUnique(index)) {
                continue;
            }
            KeySignature signature = KeySignature.of(index);
            if (inline.contains(signature)) {
                separate.add(index);
            } else {
                inline.add(signature);
                items.add(PostgresDdl.unique(index));
            }
        }
        table.foreignKeys().stream()
                .filter(fk -> !later.contains(fk))
                .forEach(fk -> items.add(ddl.foreignKey(schema, fk)));
        table.checks().stream().map(PostgresDdl::check).forEach(items::add);
        String name = ddl.table(schema, table.name());
        out.add(change(
                "create \"" + table.name() + "\" table",
                "CREATE TABLE " + name + " " + ChildTables.createTail(ddl, schema, table, items)));
        // CREATE TABLE keeps one index of keys over the same columns (the first one's, under the first name it is
        // given), so a UNIQUE constraint beside an equal primary key or constraint is added by ALTER TABLE, which
        // keeps both, as the database the desired state describes has them.
        for (Index index : separate) {
            out.add(change(
                    "modify \"" + table.name() + "\" table",
                    "ALTER TABLE " + name + " ADD " + PostgresDdl.unique(index)));
        }
        List<String> security = RowSecurity.actions(table);
        if (!security.isEmpty()) {
            out.add(change(
                    "modify \"" + table.name() + "\" table",
                    "ALTER TABLE " + name + " " + String.join(", ", security)));
        }
        for (Index index : table.indexes()) {
            if (!PostgresDdl.isConstraint(index)) {
                PostgresPlanner.createIndex(ddl, schema, table, index, false, out);
            } else if (index.comment().isPresent()) {
                // The comment of a UNIQUE constraint is its index's, as inspection reads it.
                PostgresPlanner.comment(
                        out,
                        "INDEX " + ddl.index(schema, index.name()),
                        index.comment(),
                        "index: \"" + index.name() + "\" on table: \"" + table.name() + "\"");
            }
        }
        if (table.comment().isPresent()) {
            PostgresPlanner.comment(out, "TABLE " + name, table.comment(), "table: \"" + table.name() + "\"");
        }
        for (Column column : table.columns()) {
            if (column.comment().isPresent()) {
                PostgresPlanner.comment(
                        out,
                        "COLUMN " + name + "." + quote(column.name()),
                        column.comment(),
                        "column: \"" + column.name() + "\" on table: \"" + table.name() + "\"");
            }
        }
    }

    // Depth-first: a table comes after the tables its keys reference; a cycle is cut where it closes.
    private static List<SchemaChange.AddTable> createOrder(List<SchemaChange.AddTable> tables) {
        List<SchemaChange.AddTable> ordered = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (SchemaChange.AddTable table : tables) {
            visit(table, tables, visited, ordered);
        }
        return ordered;
    }

    private static void visit(
            SchemaChange.AddTable table,
            List<SchemaChange.AddTable> all,
            Set<String> visited,
            List<SchemaChange.AddTable> ordered) {
        if (!visited.add(key(table.schema(), table.table().name()))) {
            return;
        }
        for (ForeignKey fk : table.table().foreignKeys()) {
            all.stream()
                    .filter(t -> t.schema().equals(fk.refSchema())
                            && t.table().name().equals(fk.refTable()))
                    .findFirst()
                    .ifPresent(t -> visit(t, all, visited, ordered));
        }
        // A partition or inheriting table comes after its parents.
        for (String parent : ChildTables.parents(table.table().options())) {
            all.stream()
                    .filter(t ->
                            ChildTables.qualified(t.schema(), t.table().name()).equals(parent))
                    .findFirst()
                    .ifPresent(t -> visit(t, all, visited, ordered));
        }
        ordered.add(table);
    }

    /** Returns dropped tables with each table before the tables its keys reference. */
    static List<SchemaChange.DropTable> dropOrder(List<SchemaChange.DropTable> tables) {
        List<SchemaChange.AddTable> asAdds = tables.stream()
                .map(d -> new SchemaChange.AddTable(d.schema(), d.table()))
                .toList();
        List<SchemaChange.AddTable> order = new ArrayList<>(createOrder(asAdds));
        java.util.Collections.reverse(order);
        return order.stream()
                .map(a -> new SchemaChange.DropTable(a.schema(), a.table()))
                .toList();
    }

    private static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }
}
