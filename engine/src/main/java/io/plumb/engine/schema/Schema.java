package io.plumb.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Schema} is a named namespace of tables: a PostgreSQL schema, a MySQL database, SQLite's {@code main}.
 *
 * @param name the schema name
 * @param tables the tables, in inspection or declaration order
 * @param comment the schema comment, where the dialect has them
 * @param options dialect options in declaration order, such as MySQL's {@code charset} and {@code collate}
 */
public record Schema(String name, List<Table> tables, Optional<String> comment, Map<String, String> options) {

    public Schema {
        tables = List.copyOf(tables);
        options = Options.copy(options);
    }

    /** Returns a schema with the given tables and no comment or options. */
    public static Schema of(String name, List<Table> tables) {
        return new Schema(name, tables, Optional.empty(), Map.of());
    }

    /** Returns the table with the given name, if any. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Returns this schema with other tables. */
    public Schema withTables(List<Table> newTables) {
        return new Schema(name, newTables, comment, options);
    }

    /** Returns this schema under another name, with the references its foreign keys make to it renamed too. */
    public Schema renamed(String newName) {
        List<Table> renamedTables = tables.stream()
                .map(t -> new Table(
                        t.name(),
                        t.columns(),
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
                                                fk.onDelete())
                                        : fk)
                                .toList(),
                        t.checks(),
                        t.comment(),
                        t.options()))
                .toList();
        return new Schema(newName, renamedTables, comment, options);
    }
}
