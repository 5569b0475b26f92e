package io.plumb.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Table} with its columns, keys, indexes and checks.
 *
 * @param name the table name
 * @param columns the columns in their physical order
 * @param primaryKey the primary key, if any
 * @param indexes the indexes (not the primary key), ordered by name
 * @param foreignKeys the foreign keys, in declaration order
 * @param checks the check constraints, in declaration order
 * @param comment the table comment, where the dialect has them
 * @param options dialect table options in declaration order, such as SQLite's {@code without_rowid} and {@code
 *     strict} or MySQL's {@code engine}; values are the HCL spelling ({@code "true"}, {@code "InnoDB"})
 */
public record Table(
        String name,
        List<Column> columns,
        Optional<PrimaryKey> primaryKey,
        List<Index> indexes,
        List<ForeignKey> foreignKeys,
        List<Check> checks,
        Optional<String> comment,
        Map<String, String> options) {

    public Table {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        options = Options.copy(options);
    }

    /** Returns a table of the given columns and nothing else. */
    public static Table of(String name, List<Column> columns) {
        return new Table(name, columns, Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Map.of());
    }

    /** Returns the column with the given name, if any. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Returns the index with the given name, if any. */
    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /** Returns whether the given option is set to {@code "true"}. */
    public boolean hasOption(String option) {
        return "true".equals(options.get(option));
    }

    /** Returns this table under another name. */
    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, indexes, foreignKeys, checks, comment, options);
    }

    /** Returns this table with other indexes. */
    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, newIndexes, foreignKeys, checks, comment, options);
    }

    /** Returns this table with other dialect options. */
    public Table withOptions(Map<String, String> newOptions) {
        return new Table(name, columns, primaryKey, indexes, foreignKeys, checks, comment, newOptions);
    }

    /** Returns this table with other columns. */
    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, indexes, foreignKeys, checks, comment, options);
    }
}
