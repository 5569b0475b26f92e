package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.CompositeType;
import io.plumb.engine.schema.Domain;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.List;

/**
 * {@code BoundTypes} writes the user-defined types of a plan for a schema-bound database unqualified, as the
 * reference tool does ({@code "status"}, not {@code "app"."status"}): the model keeps a column's enum, domain or
 * composite type qualified by its schema, which in an unqualified plan is the bound schema, so the qualifier is
 * dropped from every type of the change's own schema: a column's, a domain's base type, a routine's argument
 * types, return type and signature. Types of other schemas keep theirs.
 */
final class BoundTypes {

    private BoundTypes() {}

    /** Returns the changes with the types of each change's own schema unqualified. */
    static List<SchemaChange> unqualify(List<SchemaChange> changes) {
        return changes.stream().map(BoundTypes::unqualify).toList();
    }

    private static SchemaChange unqualify(SchemaChange change) {
        if (change instanceof SchemaChange.AddTable a) {
            return new SchemaChange.AddTable(a.schema(), table(a.table(), a.schema()));
        } else if (change instanceof SchemaChange.DropTable d) {
            return new SchemaChange.DropTable(d.schema(), table(d.table(), d.schema()));
        } else if (change instanceof SchemaChange.ModifyTable m) {
            String schema = m.schema();
            return new SchemaChange.ModifyTable(
                    schema,
                    table(m.from(), schema),
                    table(m.to(), schema),
                    m.changes().stream().map(c -> tableChange(c, schema)).toList());
        } else if (change instanceof SchemaChange.AddObject a) {
            return new SchemaChange.AddObject(a.schema(), object(a.object(), a.schema()));
        } else if (change instanceof SchemaChange.DropObject d) {
            return new SchemaChange.DropObject(d.schema(), object(d.object(), d.schema()));
        } else if (change instanceof SchemaChange.ModifyObject m) {
            return new SchemaChange.ModifyObject(
                    m.schema(), object(m.from(), m.schema()), object(m.to(), m.schema()), m.recreate());
        }
        return change;
    }

    private static TableChange tableChange(TableChange change, String schema) {
        if (change instanceof TableChange.AddColumn a) {
            return new TableChange.AddColumn(column(a.column(), schema));
        } else if (change instanceof TableChange.DropColumn d) {
            return new TableChange.DropColumn(column(d.column(), schema));
        } else if (change instanceof TableChange.ModifyColumn m) {
            return new TableChange.ModifyColumn(column(m.from(), schema), column(m.to(), schema), m.aspects());
        }
        return change;
    }

    private static Table table(Table table, String schema) {
        return table.withColumns(
                table.columns().stream().map(c -> column(c, schema)).toList());
    }

    private static SchemaObject object(SchemaObject object, String schema) {
        if (object instanceof CompositeType c) {
            return new CompositeType(
                    c.name(), c.fields().stream().map(f -> column(f, schema)).toList(), c.comment(), c.dependsOn());
        } else if (object instanceof Domain d) {
            return new Domain(
                    d.name(),
                    unqualified(d.type(), schema),
                    d.nullable(),
                    d.defaultValue(),
                    d.checks(),
                    d.comment(),
                    d.dependsOn());
        } else if (object instanceof Routine r) {
            return new Routine(
                    r.kind(),
                    r.name(),
                    unqualifiedWithin(r.signature(), schema),
                    r.arguments().stream()
                            .map(a -> new Argument(a.name(), unqualified(a.type(), schema), a.mode(), a.defaultValue()))
                            .toList(),
                    r.returns().map(t -> unqualifiedWithin(t, schema)),
                    r.language(),
                    r.body(),
                    r.options(),
                    r.comment(),
                    r.dependsOn());
        }
        return object;
    }

    // A signature (`integer, "app"."status"`) or a return type (`SETOF "app"."status"`, `TABLE(s "app"."status")`)
    // names types anywhere in its text, always quoted as the inspector writes them.
    private static String unqualifiedWithin(String text, String schema) {
        return text.replace(PostgresDdl.quote(schema) + ".", "");
    }

    private static Column column(Column column, String schema) {
        if (!(column.type() instanceof ColumnType.Raw raw)) {
            return column;
        }
        String type = unqualified(raw.sql(), schema);
        return type.equals(raw.sql()) ? column : column.withType(new ColumnType.Raw(type));
    }

    private static String unqualified(String type, String schema) {
        String prefix = PostgresDdl.quote(schema) + ".";
        return type.startsWith(prefix) ? type.substring(prefix.length()) : type;
    }
}
