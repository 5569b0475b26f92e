package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code SqliteDdl} writes the text of SQLite statements the way Atlas's SQLite driver does: backtick-quoted
 * identifiers, explicit {@code NULL}/{@code NOT NULL}, foreign-key actions always spelled out, a type by its name
 * alone ({@link SqliteTypes#planned}), and the index of a {@code UNIQUE} constraint as an index of its own, {@code
 * CREATE UNIQUE INDEX <table>_<columns>} ({@link #indexName}), never inline.
 */
final class SqliteDdl {

    /** The prefix of the indexes SQLite creates for {@code UNIQUE} table constraints. */
    static final String AUTO_INDEX_PREFIX = "sqlite_autoindex_";

    /** Expressions SQLite accepts as a bare default, without parentheses. */
    private static final Set<String> BARE_DEFAULTS =
            Set.of("CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "NULL", "TRUE", "FALSE");

    private SqliteDdl() {}

    /** Quotes an identifier with backticks. */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Returns whether the index is one SQLite creates for a {@code UNIQUE} constraint. */
    static boolean isAutoIndex(Index index) {
        return index.name().startsWith(AUTO_INDEX_PREFIX);
    }

    /**
     * Returns the name an index is planned under: its own, but for the index of a {@code UNIQUE} constraint, which
     * SQLite names itself ({@code sqlite_autoindex_<table>_<n>}) and refuses as the name of a {@code CREATE INDEX}:
     * that one is planned as a unique index named {@code <table>_<column>[_<column>...]}, as the reference names it.
     * The differ matches the two names ({@link SqliteNormalizer#indexKey}), so a table created with an inline
     * {@code UNIQUE} and one given that index compare equal. When the table has an index of its own under that name
     * ({@code path UNIQUE} and {@code CREATE INDEX file_path ON file (path)}), the constraint's number is added
     * ({@code file_path_1}): two indexes of one name cannot be created, nor told apart by the differ.
     */
    static String indexName(Table table, Index index) {
        if (!isAutoIndex(index) || index.parts().stream().anyMatch(IndexPart::isExpression)) {
            return index.name();
        }
        String name = table.name() + "_"
                + index.parts().stream().map(IndexPart::value).collect(Collectors.joining("_"));
        boolean taken = table.indexes().stream()
                .anyMatch(i -> !isAutoIndex(i) && i.name().equals(name));
        String prefix = AUTO_INDEX_PREFIX + table.name() + "_";
        return taken && index.name().startsWith(prefix)
                ? name + "_" + index.name().substring(prefix.length())
                : name;
    }

    /** Writes {@code CREATE TABLE}, under {@code name}, with its constraints; indent "" writes one line. */
    static String createTable(Table table, String name, String indent) {
        List<String> defs = new ArrayList<>();
        Optional<Column> inlineKey = inlineKeyColumn(table);
        for (Column column : table.columns()) {
            defs.add(column(
                    table, column, inlineKey.filter(c -> c.equals(column)).isPresent()));
        }
        if (table.primaryKey().isPresent() && inlineKey.isEmpty()) {
            defs.add("PRIMARY KEY " + parts(table.primaryKey().orElseThrow().parts()));
        }
        for (ForeignKey fk : table.foreignKeys()) {
            defs.add(foreignKey(fk));
        }
        for (Check check : table.checks()) {
            defs.add((check.name().isEmpty() ? "" : "CONSTRAINT " + quote(check.name()) + " ") + "CHECK ("
                    + check.expr() + ")");
        }
        String body = indent.isEmpty()
                ? "(" + String.join(", ", defs) + ")"
                : defs.stream().map(d -> indent + d).collect(Collectors.joining(",\n", "(\n", "\n)"));
        List<String> options = new ArrayList<>();
        if (table.hasOption("without_rowid")) {
            options.add("WITHOUT ROWID");
        }
        if (table.hasOption("strict")) {
            options.add("STRICT");
        }
        return "CREATE TABLE " + quote(name) + " " + body + (options.isEmpty() ? "" : " " + String.join(", ", options));
    }

    /** Writes a column definition, with {@code PRIMARY KEY AUTOINCREMENT} when the key is inlined. */
    static String column(Table table, Column column, boolean inlineKey) {
        StringBuilder sb = new StringBuilder(quote(column.name()))
                .append(' ')
                .append(SqliteTypes.planned(column.type()))
                .append(column.nullable() ? " NULL" : " NOT NULL");
        column.defaultValue().ifPresent(d -> sb.append(" DEFAULT ").append(defaultSql(d)));
        if (inlineKey) {
            sb.append(" PRIMARY KEY AUTOINCREMENT");
        } else if (column.autoIncrement()) {
            throw new PlanException("column \"" + column.name() + "\" of table \"" + table.name()
                    + "\": auto_increment requires the column to be the table's only primary-key column");
        }
        column.generated()
                .ifPresent(g -> sb.append(" AS (").append(g.expr()).append(") ").append(kind(g)));
        return sb.toString();
    }

    /** Writes a default: literals as they are, expressions in the parentheses SQLite requires. */
    static String defaultSql(DefaultValue value) {
        String sql = value.sql();
        if (value instanceof DefaultValue.Literal
                || BARE_DEFAULTS.contains(sql.trim().toUpperCase(Locale.ROOT))
                || !CreateIndexParser.unwrap(sql).equals(sql)) {
            return sql;
        }
        return "(" + sql + ")";
    }

    /** Writes {@code CREATE [UNIQUE] INDEX}, under the name {@link #indexName} gives. */
    static String createIndex(Table table, Index index) {
        if (isAutoIndex(index)) {
            requireUniqueOverColumns(table.name(), index);
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(indexName(table, index)) + " ON "
                + quote(table.name()) + " " + parts(index.parts())
                + index.where().map(w -> " WHERE " + w).orElse("");
    }

    /** Writes {@code DROP INDEX}, under the name {@link #indexName} gives. */
    static String dropIndex(Table table, Index index) {
        return "DROP INDEX " + quote(indexName(table, index));
    }

    /** Returns the column that carries the key inline: the auto-increment column of a one-column key. */
    static Optional<Column> inlineKeyColumn(Table table) {
        Optional<PrimaryKey> pk = table.primaryKey();
        if (pk.isEmpty()
                || pk.get().parts().size() != 1
                || !pk.get().parts().get(0).isPlainColumn()) {
            return Optional.empty();
        }
        return table.column(pk.get().parts().get(0).value()).filter(Column::autoIncrement);
    }

    private static String kind(Generated generated) {
        return generated.kind().isEmpty() ? "VIRTUAL" : generated.kind().toUpperCase(Locale.ROOT);
    }

    private static void requireUniqueOverColumns(String table, Index index) {
        if (!index.unique()
                || index.where().isPresent()
                || index.parts().stream().anyMatch(IndexPart::isExpression)) {
            throw new PlanException("index \"" + index.name() + "\" of table \"" + table
                    + "\": an index named sqlite_autoindex_* is a UNIQUE constraint and must be unique, over columns,"
                    + " without a predicate");
        }
    }

    private static String parts(List<IndexPart> parts) {
        return parts.stream().map(SqliteDdl::part).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String part(IndexPart part) {
        String sql;
        if (part.isExpression()) {
            String value = part.value();
            sql = CreateIndexParser.unwrap(value).equals(value) ? "(" + value + ")" : value;
        } else {
            sql = quote(part.value());
        }
        return part.desc() ? sql + " DESC" : sql;
    }

    private static String foreignKey(ForeignKey fk) {
        // An unnamed key inspects under its ordinal ("0"), and the reference writes that name back as it is.
        String name = fk.name().isEmpty() ? "" : "CONSTRAINT " + quote(fk.name()) + " ";
        return name + "FOREIGN KEY " + columns(fk.columns()) + " REFERENCES " + quote(fk.refTable()) + " "
                + columns(fk.refColumns()) + " ON UPDATE " + fk.onUpdate().sql() + " ON DELETE "
                + fk.onDelete().sql();
    }

    private static String columns(List<String> names) {
        return names.stream().map(SqliteDdl::quote).collect(Collectors.joining(", ", "(", ")"));
    }
}
