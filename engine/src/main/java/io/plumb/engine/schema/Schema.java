package io.plumb.engine.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Schema} is a named namespace of tables and other objects: a PostgreSQL schema, a MySQL database,
 * SQLite's {@code main}.
 *
 * @param name the schema name
 * @param tables the tables, in inspection or declaration order
 * @param comment the schema comment, where the dialect has them
 * @param options dialect options in declaration order, such as MySQL's {@code charset} and {@code collate}
 * @param objects the views, routines, triggers, sequences and types, in inspection or declaration order
 */
public record Schema(
        String name,
        List<Table> tables,
        Optional<String> comment,
        Map<String, String> options,
        List<SchemaObject> objects) {

    /**
     * The prefix of the options that hold a schema's enum types (PostgreSQL's), one per type: {@code enum.NAME} with
     * its values.
     */
    public static final String ENUM_OPTION = "enum.";

    public Schema {
        tables = List.copyOf(tables);
        options = Options.copy(options);
        objects = List.copyOf(objects);
    }

    /** Returns a schema of tables only. */
    public Schema(String name, List<Table> tables, Optional<String> comment, Map<String, String> options) {
        this(name, tables, comment, options, List.of());
    }

    /** Returns a schema with the given tables and no comment or options. */
    public static Schema of(String name, List<Table> tables) {
        return new Schema(name, tables, Optional.empty(), Map.of());
    }

    /** Returns the table with the given name, if any. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Returns the object of the given kind and identity, if any. */
    public Optional<SchemaObject> object(ObjectKind kind, String identity) {
        return objects.stream()
                .filter(o -> o.kind() == kind && o.identity().equals(identity))
                .findFirst();
    }

    /** Returns this schema with other tables. */
    public Schema withTables(List<Table> newTables) {
        return new Schema(name, newTables, comment, options, objects);
    }

    /** Returns this schema without its enum types ({@link #ENUM_OPTION} options), or itself when it has none. */
    public Schema withoutEnums() {
        if (options.keySet().stream().noneMatch(key -> key.startsWith(ENUM_OPTION))) {
            return this;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (!key.startsWith(ENUM_OPTION)) {
                kept.put(key, value);
            }
        });
        return new Schema(name, tables, comment, kept, objects);
    }

    /** Returns this schema with other objects. */
    public Schema withObjects(List<SchemaObject> newObjects) {
        return new Schema(name, tables, comment, options, newObjects);
    }

    /**
     * Returns this schema under another name, with the references its foreign keys, its columns' types (a type of
     * the schema, written qualified) and its tables' options (a partition's parent) make to it renamed too.
     */
    public Schema renamed(String newName) {
        QualifiedNames names = QualifiedNames.of(this, newName);
        List<Table> renamedTables = tables.stream()
                .map(t -> new Table(
                        t.name(),
                        t.columns().stream().map(names::rename).toList(),
                        t.primaryKey(),
                        t.indexes(),
                        t.foreignKeys().stream()
                                .map(fk -> fk.refSchema().equals(name)
                                        ? new ForeignKey(
                                                fk.name(),
                                                fk.columns(),
                                                newName,
                                                fk.refTable(),
                                                fk.refColumns(),
                                                fk.onUpdate(),
                                                fk.onDelete(),
                                                fk.deferral())
                                        : fk)
                                .toList(),
                        t.checks(),
                        t.comment(),
                        names.rename(t.options())))
                .toList();
        return new Schema(
                newName,
                renamedTables,
                comment,
                options,
                objects.stream()
                        .map(o -> ObjectRenames.schema(o, name, newName, names))
                        .toList());
    }
}
