package io.plumb.engine.drift;

import io.plumb.engine.drift.DivergedObject.Change;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code DivergedObjects} names the objects behind the changes that bring a database back to its expected state.
 * The changes run from the database to the expected state, so a change that adds an object means the database lost
 * it ({@code dropped}), and one that drops an object means the database gained it ({@code added}).
 */
final class DivergedObjects {

    private DivergedObjects() {}

    /** Returns the objects the changes touch, in change order. */
    static List<DivergedObject> of(List<SchemaChange> changes) {
        List<DivergedObject> out = new ArrayList<>();
        for (SchemaChange change : changes) {
            add(out, change);
        }
        return out;
    }

    /**
     * Returns the kinds the model does not hold whose counts differ between the database and the expected state:
     * such objects cannot be named, but they are never ignored.
     */
    static List<DivergedObject> unsupported(Map<String, Integer> expected, Map<String, Integer> actual) {
        List<DivergedObject> out = new ArrayList<>();
        TreeSet<String> kinds = new TreeSet<>(expected.keySet());
        kinds.addAll(actual.keySet());
        for (String kind : kinds) {
            int want = expected.getOrDefault(kind, 0);
            int have = actual.getOrDefault(kind, 0);
            if (want != have) {
                Change change = want == 0 ? Change.ADDED : have == 0 ? Change.DROPPED : Change.MODIFIED;
                out.add(new DivergedObject(
                        kind.replace(' ', '_'),
                        "(" + have + " in the database, " + want + " expected)",
                        change,
                        "not modelled by plumb: compared by count"));
            }
        }
        return out;
    }

    private static void add(List<DivergedObject> out, SchemaChange change) {
        if (change instanceof SchemaChange.AddSchema c) {
            out.add(new DivergedObject("schema", c.schema().name(), Change.DROPPED, ""));
        } else if (change instanceof SchemaChange.DropSchema c) {
            out.add(new DivergedObject("schema", c.schema().name(), Change.ADDED, ""));
        } else if (change instanceof SchemaChange.ModifySchema c) {
            out.add(new DivergedObject("schema", c.to().name(), Change.MODIFIED, "attributes"));
        } else if (change instanceof SchemaChange.AddTable c) {
            out.add(new DivergedObject("table", name(c.schema(), c.table().name()), Change.DROPPED, ""));
        } else if (change instanceof SchemaChange.DropTable c) {
            out.add(new DivergedObject("table", name(c.schema(), c.table().name()), Change.ADDED, ""));
        } else if (change instanceof SchemaChange.ModifyTable c) {
            String table = name(c.schema(), c.to().name());
            for (TableChange inner : c.changes()) {
                out.add(inTable(table, inner));
            }
        } else if (change instanceof SchemaChange.AddObject c) {
            out.add(object(c.schema(), c.object(), Change.DROPPED, ""));
        } else if (change instanceof SchemaChange.DropObject c) {
            out.add(object(c.schema(), c.object(), Change.ADDED, ""));
        } else if (change instanceof SchemaChange.ModifyObject c) {
            out.add(object(
                    c.schema(), c.to(), Change.MODIFIED, c.recreate() ? "definition, re-created" : "definition"));
        }
    }

    private static DivergedObject inTable(String table, TableChange change) {
        if (change instanceof TableChange.AddColumn c) {
            return new DivergedObject("column", table + "." + c.column().name(), Change.DROPPED, "");
        } else if (change instanceof TableChange.DropColumn c) {
            return new DivergedObject("column", table + "." + c.column().name(), Change.ADDED, "");
        } else if (change instanceof TableChange.ModifyColumn c) {
            List<String> aspects = c.aspects().stream()
                    .map(a -> a.name().toLowerCase(Locale.ROOT))
                    .sorted()
                    .toList();
            return new DivergedObject(
                    "column", table + "." + c.to().name(), Change.MODIFIED, String.join(", ", aspects));
        } else if (change instanceof TableChange.AddIndex c) {
            return new DivergedObject("index", table + "." + c.index().name(), Change.DROPPED, "");
        } else if (change instanceof TableChange.DropIndex c) {
            return new DivergedObject("index", table + "." + c.index().name(), Change.ADDED, "");
        } else if (change instanceof TableChange.ModifyIndex c) {
            return new DivergedObject("index", table + "." + c.to().name(), Change.MODIFIED, "definition");
        } else if (change instanceof TableChange.AddForeignKey c) {
            return new DivergedObject(
                    "foreign_key", table + "." + c.foreignKey().name(), Change.DROPPED, "");
        } else if (change instanceof TableChange.DropForeignKey c) {
            return new DivergedObject(
                    "foreign_key", table + "." + c.foreignKey().name(), Change.ADDED, "");
        } else if (change instanceof TableChange.ModifyForeignKey c) {
            return new DivergedObject("foreign_key", table + "." + c.to().name(), Change.MODIFIED, "definition");
        } else if (change instanceof TableChange.AddCheck c) {
            return new DivergedObject("check", table + "." + c.check().name(), Change.DROPPED, "");
        } else if (change instanceof TableChange.DropCheck c) {
            return new DivergedObject("check", table + "." + c.check().name(), Change.ADDED, "");
        } else if (change instanceof TableChange.ModifyCheck c) {
            return new DivergedObject("check", table + "." + c.to().name(), Change.MODIFIED, "definition");
        } else if (change instanceof TableChange.AddPrimaryKey) {
            return new DivergedObject("primary_key", table, Change.DROPPED, "");
        } else if (change instanceof TableChange.DropPrimaryKey) {
            return new DivergedObject("primary_key", table, Change.ADDED, "");
        } else if (change instanceof TableChange.ModifyPrimaryKey) {
            return new DivergedObject("primary_key", table, Change.MODIFIED, "columns");
        }
        return new DivergedObject("table", table, Change.MODIFIED, "comment or options");
    }

    private static DivergedObject object(String schema, SchemaObject object, Change change, String detail) {
        String kind = object.kind().label().replace(' ', '_');
        return new DivergedObject(kind, name(schema, object.identity()), change, detail);
    }

    private static String name(String schema, String name) {
        return schema.isEmpty() ? name : schema + "." + name;
    }
}
