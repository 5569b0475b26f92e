package io.plumb.engine.dialect.mysql;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.SpecAttribute;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code MysqlTableParts} gathers the rows of one inspected table, query by query, and assembles the table: it is
 * where the servers' spellings (MariaDB's quoted defaults, JSON as {@code longtext} with a check) become the model.
 */
final class MysqlTableParts {

    private final String schema;
    private final String name;
    private final Map<String, String> options;
    private final Optional<String> comment;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> longtexts = new ArrayList<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();

    private MysqlTableParts(String schema, String name, Map<String, String> options, Optional<String> comment) {
        this.schema = schema;
        this.name = name;
        this.options = options;
        this.comment = comment;
    }

    static MysqlTableParts ignored() {
        return new MysqlTableParts("", "", new LinkedHashMap<>(), Optional.empty());
    }

    /** Reads a row of {@code information_schema.TABLES}. */
    static MysqlTableParts of(ResultSet rs) throws SQLException {
        Map<String, String> options = new LinkedHashMap<>();
        String collation = rs.getString("TABLE_COLLATION");
        if (collation != null) {
            options.put(MysqlSpecDialect.CHARSET, charsetOf(collation));
            options.put(MysqlSpecDialect.COLLATE, collation);
        }
        String engine = rs.getString("ENGINE");
        if (engine != null) {
            options.put(MysqlSpecDialect.ENGINE, engine);
        }
        String start = rs.getString("AUTO_INCREMENT");
        if (start != null) {
            options.put(SpecAttribute.AUTO_INCREMENT, start);
        }
        return new MysqlTableParts(
                rs.getString("TABLE_SCHEMA"), rs.getString("TABLE_NAME"), options, text(rs.getString("TABLE_COMMENT")));
    }

    // Collation names start with their character set: utf8mb4_general_ci, latin1_swedish_ci, binary.
    static String charsetOf(String collation) {
        int underscore = collation.indexOf('_');
        return underscore < 0 ? collation : collation.substring(0, underscore);
    }

    String schema() {
        return schema;
    }

    String name() {
        return name;
    }

    void addColumn(MysqlColumnRow row, MysqlFlavour flavour) {
        if (row.isLongtext()) {
            longtexts.add(row.name());
        }
        columns.add(row.column(flavour));
    }

    void addIndexPart(ResultSet rs, MysqlFlavour flavour) throws SQLException {
        String indexName = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        String expression = rs.getString("EXPRESSION");
        Map<String, String> partOptions = new LinkedHashMap<>();
        // MariaDB reports a SPATIAL key's part as a 32-byte prefix, which no SPATIAL index accepts when created.
        if (!"SPATIAL".equals(rs.getString("INDEX_TYPE"))) {
            putIfPresent(partOptions, MysqlSpecDialect.PREFIX, rs.getString("SUB_PART"));
        }
        IndexPart part = new IndexPart(
                column != null ? column : expression == null ? "" : expression,
                column == null,
                "D".equals(rs.getString("COLLATION")),
                partOptions);
        Index existing = indexes.get(indexName);
        if (existing == null) {
            Map<String, String> indexOptions = new LinkedHashMap<>();
            putIfPresent(indexOptions, MysqlSpecDialect.TYPE, rs.getString("INDEX_TYPE"));
            indexes.put(
                    indexName,
                    new Index(
                            indexName,
                            rs.getInt("NON_UNIQUE") == 0,
                            List.of(part),
                            Optional.empty(),
                            text(rs.getString("INDEX_COMMENT")),
                            indexOptions));
        } else {
            List<IndexPart> parts = new ArrayList<>(existing.parts());
            parts.add(part);
            indexes.put(
                    indexName,
                    new Index(
                            indexName,
                            existing.unique(),
                            parts,
                            Optional.empty(),
                            existing.comment(),
                            existing.options()));
        }
    }

    void addForeignKeyPart(ResultSet rs) throws SQLException {
        String constraint = rs.getString("CONSTRAINT_NAME");
        ForeignKey existing = foreignKeys.get(constraint);
        List<String> own = new ArrayList<>(existing == null ? List.of() : existing.columns());
        List<String> refs = new ArrayList<>(existing == null ? List.of() : existing.refColumns());
        own.add(rs.getString("COLUMN_NAME"));
        refs.add(rs.getString("REFERENCED_COLUMN_NAME"));
        foreignKeys.put(
                constraint,
                new ForeignKey(
                        constraint,
                        own,
                        rs.getString("REFERENCED_TABLE_SCHEMA"),
                        rs.getString("REFERENCED_TABLE_NAME"),
                        refs,
                        action(rs.getString("UPDATE_RULE")),
                        action(rs.getString("DELETE_RULE"))));
    }

    private static ReferenceAction action(@Nullable String rule) {
        return rule == null
                ? ReferenceAction.NO_ACTION
                : ReferenceAction.parse(rule).orElse(ReferenceAction.NO_ACTION);
    }

    void addCheck(ResultSet rs, MysqlFlavour flavour) throws SQLException {
        addCheck(rs.getString("CONSTRAINT_NAME"), rs.getString("CHECK_CLAUSE"), rs.getString("ENFORCED"), flavour);
    }

    /**
     * Adds a check from its catalogue values. MySQL 8 wraps the clause in parentheses ({@code (`c1` <> 0)}) and
     * says {@code NO} in {@code ENFORCED} for {@code NOT ENFORCED}; MariaDB has neither.
     */
    void addCheck(String constraint, String clause, @Nullable String enforced, MysqlFlavour flavour) {
        String expr = flavour == MysqlFlavour.MYSQL ? MysqlCanonical.unwrap(clause) : clause;
        Map<String, String> checkOptions =
                "NO".equalsIgnoreCase(enforced) ? Map.of(MysqlSpecDialect.ENFORCED, "false") : Map.of();
        checks.add(new Check(constraint, expr, checkOptions));
    }

    /** Returns whether the table has a FULLTEXT index, whose parser only {@code SHOW CREATE TABLE} tells. */
    boolean hasFulltext() {
        return indexes.values().stream()
                .anyMatch(i -> "FULLTEXT".equalsIgnoreCase(i.options().get(MysqlSpecDialect.TYPE)));
    }

    /** Sets the parsers that a {@code SHOW CREATE TABLE} text names on the table's FULLTEXT indexes. */
    void addParsers(String createTable) {
        MysqlParsers.of(createTable).forEach((indexName, parser) -> {
            Index index = indexes.get(indexName);
            if (index != null) {
                Map<String, String> indexOptions = new LinkedHashMap<>(index.options());
                indexOptions.put(MysqlSpecDialect.PARSER, parser);
                indexes.put(
                        indexName,
                        new Index(
                                indexName,
                                index.unique(),
                                index.parts(),
                                index.where(),
                                index.comment(),
                                indexOptions));
            }
        });
    }

    /** Assembles the table. */
    Table table() {
        List<Check> ownChecks = new ArrayList<>(checks);
        List<Column> ownColumns = new ArrayList<>();
        for (Column column : columns) {
            // MariaDB's JSON is longtext with a column check json_valid(`c`) named after the column.
            String jsonCheck = "json_valid(`" + column.name() + "`)";
            boolean json = longtexts.contains(column.name())
                    && ownChecks.removeIf(
                            c -> c.name().equals(column.name()) && c.expr().equals(jsonCheck));
            ownColumns.add(json ? withType(column, ColumnType.Named.of("json")) : column);
        }
        Optional<PrimaryKey> primaryKey =
                Optional.ofNullable(indexes.get("PRIMARY")).map(i -> new PrimaryKey("", i.parts(), i.options()));
        List<Index> ownIndexes = indexes.values().stream()
                .filter(i -> !i.name().equals("PRIMARY"))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
        return new Table(
                name,
                ownColumns,
                primaryKey,
                ownIndexes,
                List.copyOf(foreignKeys.values()),
                ownChecks,
                comment,
                options);
    }

    private static Column withType(Column column, ColumnType type) {
        return new Column(
                column.name(),
                type,
                column.nullable(),
                column.defaultValue(),
                column.generated(),
                column.autoIncrement(),
                column.comment(),
                column.options());
    }

    private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Optional<String> text(@Nullable String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
