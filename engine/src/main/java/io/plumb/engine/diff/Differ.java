package io.plumb.engine.diff;

import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Differ} lists the changes that turn one realm into another, in the order Atlas's {@code sqlx.Diff}
 * finds them. It never guesses renames: a renamed object is a drop and an add.
 */
public final class Differ {

    /** Returns the changes from {@code from} to {@code to}, leaving out the kinds the policy skips. */
    public List<SchemaChange> diff(Realm from, Realm to, DiffOptions options) {
        List<SchemaChange> changes = new ArrayList<>();
        for (Schema schema : from.schemas()) {
            Optional<Schema> target = to.schema(schema.name());
            if (target.isPresent()) {
                changes.addAll(diffSchema(schema, target.get(), options));
            }
        }
        for (Schema schema : from.schemas()) {
            if (to.schema(schema.name()).isEmpty()) {
                add(changes, new SchemaChange.DropSchema(schema), options);
            }
        }
        for (Schema schema : to.schemas()) {
            if (from.schema(schema.name()).isEmpty()) {
                add(changes, new SchemaChange.AddSchema(schema), options);
                for (Table table : schema.tables()) {
                    add(
                            changes,
                            new SchemaChange.AddTable(
                                    schema.name(), options.normalizer().newTable(schema, table)),
                            options);
                }
                for (SchemaObject object : schema.objects()) {
                    add(changes, new SchemaChange.AddObject(schema.name(), object), options);
                }
            }
        }
        changes.addAll(diffObjects("", from.objects(), to.objects(), options));
        return Recreations.add(changes, from, to, options);
    }

    /** Returns the changes from one version of a schema to another; the schema name is {@code to}'s. */
    public List<SchemaChange> diffSchema(Schema from, Schema to, DiffOptions options) {
        List<SchemaChange> changes = new ArrayList<>();
        Optional<String> fromComment = options.normalizer().schemaComment(from.comment());
        Optional<String> toComment = options.normalizer().schemaComment(to.comment());
        Map<String, String> toOptions =
                options.normalizer().desiredSchema(from, to).options();
        if (!options.normalizer().sameComment(fromComment, toComment)
                || !options.normalizer().sameOptions(from.options(), toOptions)) {
            add(
                    changes,
                    new SchemaChange.ModifySchema(
                            new Schema(from.name(), from.tables(), fromComment, from.options(), from.objects()),
                            new Schema(to.name(), to.tables(), toComment, toOptions, to.objects())),
                    options);
        }
        String name = to.name();
        Map<String, Table> targets = byName(to.tables());
        Map<String, Table> sources = byName(from.tables());
        for (Table table : from.tables()) {
            Table declared = targets.get(table.name());
            if (declared == null) {
                add(changes, new SchemaChange.DropTable(name, table), options);
                continue;
            }
            Table target = options.normalizer().desiredTable(from, to, table, declared);
            // A table equal to its target has no changes (the comparisons are reflexive): lint diffs a realm of
            // a thousand tables against the same realm with one table read again, after every statement.
            if (target == table || target.equals(table)) {
                continue;
            }
            List<TableChange> tableChanges = new TableDiffer(options.normalizer()).diff(table, target);
            List<TableChange> kept = tableChanges.stream()
                    .filter(c -> ChangeKind.of(c)
                            .map(k -> !options.policy().skips(k))
                            .orElse(true))
                    .toList();
            if (!kept.isEmpty()) {
                add(changes, new SchemaChange.ModifyTable(name, table, target, kept), options);
            }
        }
        for (Table table : to.tables()) {
            if (!sources.containsKey(table.name())) {
                add(
                        changes,
                        new SchemaChange.AddTable(name, options.normalizer().newTable(to, table)),
                        options);
            }
        }
        changes.addAll(diffObjects(name, from.objects(), to.objects(), options));
        return changes;
    }

    /**
     * Returns the changes between two lists of objects of one schema (or of the database, for an empty schema
     * name), matched by kind and identity: drops, then modifications, then additions, each in list order.
     */
    private static List<SchemaChange> diffObjects(
            String schema, List<SchemaObject> from, List<SchemaObject> to, DiffOptions options) {
        List<SchemaChange> changes = new ArrayList<>();
        Map<List<Object>, SchemaObject> desired = new LinkedHashMap<>();
        to.forEach(o -> desired.put(key(o), o));
        Map<List<Object>, SchemaObject> current = new LinkedHashMap<>();
        from.forEach(o -> current.put(key(o), o));
        for (SchemaObject object : from) {
            SchemaObject target = desired.get(key(object));
            if (target == null) {
                add(changes, new SchemaChange.DropObject(schema, object), options);
            } else if (target != object
                    && !target.equals(object)
                    && !options.normalizer().sameObject(object, target)) {
                add(
                        changes,
                        new SchemaChange.ModifyObject(
                                schema, object, target, !options.normalizer().replaceable(object, target)),
                        options);
            }
        }
        for (SchemaObject object : to) {
            if (!current.containsKey(key(object))) {
                add(changes, new SchemaChange.AddObject(schema, object), options);
            }
        }
        return changes;
    }

    // The first table of each name, as Schema.table finds it.
    private static Map<String, Table> byName(List<Table> tables) {
        Map<String, Table> byName = new HashMap<>();
        for (Table table : tables) {
            byName.putIfAbsent(table.name(), table);
        }
        return byName;
    }

    private static List<Object> key(SchemaObject object) {
        return List.of(object.kind(), object.identity());
    }

    private static void add(List<SchemaChange> changes, SchemaChange change, DiffOptions options) {
        if (ChangeKind.of(change).map(k -> !options.policy().skips(k)).orElse(true)) {
            changes.add(change);
        }
    }
}
