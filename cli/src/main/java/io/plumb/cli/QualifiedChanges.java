package io.plumb.cli;

import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.List;

/**
 * {@code QualifiedChanges} moves the changes of a schema-bound diff to the schema {@code migrate diff --qualifier}
 * names, so that a qualified plan writes {@code `qualifier`.`table`} (and references to the bound schema's tables
 * the same way), as the reference writes them. Schema-level changes are left as they are.
 */
final class QualifiedChanges {

    private QualifiedChanges() {}

    /** Returns the changes with the bound schema {@code from} renamed {@code to}. */
    static List<SchemaChange> of(List<SchemaChange> changes, String from, String to) {
        return changes.stream().map(c -> change(c, from, to)).toList();
    }

    private static SchemaChange change(SchemaChange change, String from, String to) {
        if (change instanceof SchemaChange.AddTable a && a.schema().equals(from)) {
            return new SchemaChange.AddTable(to, table(a.table(), from, to));
        }
        if (change instanceof SchemaChange.DropTable d && d.schema().equals(from)) {
            return new SchemaChange.DropTable(to, table(d.table(), from, to));
        }
        if (change instanceof SchemaChange.ModifyTable m && m.schema().equals(from)) {
            List<TableChange> changes =
                    m.changes().stream().map(c -> tableChange(c, from, to)).toList();
            return new SchemaChange.ModifyTable(to, table(m.from(), from, to), table(m.to(), from, to), changes);
        }
        if (change instanceof SchemaChange.AddObject a && a.schema().equals(from)) {
            return new SchemaChange.AddObject(to, a.object());
        }
        if (change instanceof SchemaChange.DropObject d && d.schema().equals(from)) {
            return new SchemaChange.DropObject(to, d.object());
        }
        if (change instanceof SchemaChange.ModifyObject m && m.schema().equals(from)) {
            return new SchemaChange.ModifyObject(to, m.from(), m.to(), m.recreate());
        }
        return change;
    }

    private static TableChange tableChange(TableChange change, String from, String to) {
        if (change instanceof TableChange.AddForeignKey a) {
            return new TableChange.AddForeignKey(key(a.foreignKey(), from, to));
        }
        if (change instanceof TableChange.ModifyForeignKey m) {
            return new TableChange.ModifyForeignKey(key(m.from(), from, to), key(m.to(), from, to));
        }
        if (change instanceof TableChange.ModifyAttributes m) {
            return new TableChange.ModifyAttributes(table(m.from(), from, to), table(m.to(), from, to));
        }
        return change;
    }

    private static Table table(Table table, String from, String to) {
        return new Table(
                table.name(),
                table.columns(),
                table.primaryKey(),
                table.indexes(),
                table.foreignKeys().stream().map(k -> key(k, from, to)).toList(),
                table.checks(),
                table.comment(),
                table.options());
    }

    private static ForeignKey key(ForeignKey key, String from, String to) {
        if (!key.refSchema().equals(from)) {
            return key;
        }
        return new ForeignKey(
                key.name(),
                key.columns(),
                to,
                key.refTable(),
                key.refColumns(),
                key.onUpdate(),
                key.onDelete(),
                key.deferral());
    }
}
