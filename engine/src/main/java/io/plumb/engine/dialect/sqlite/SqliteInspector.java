package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.Inspector;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SqliteInspector} reads the {@code main} schema of a SQLite database into the model, from {@code
 * sqlite_master}, the table and index pragmas, and the stored {@code CREATE} statements. Tables come in {@code
 * sqlite_master}'s order (the order they were created in, a rebuilt table last), as the reference reads them: a
 * desired state written as SQL is planned in its own order.
 */
public final class SqliteInspector implements Inspector {

    /** The one schema SQLite has (attached databases are not supported). */
    public static final String MAIN = "main";

    private static final CreateTableParser.ColumnText NO_TEXT =
            new CreateTableParser.ColumnText(false, Optional.empty());

    private static final Pattern LITERAL = Pattern.compile(
            "(?i)true|false|[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?|'([^']|'')*'|\"([^\"]|\"\")*\"|x'[0-9a-f]*'");

    /**
     * Returns a {@code FROM} clause that joins each user table {@code m} of {@code sqlite_master} with the rows
     * {@code p} of a table-valued pragma of that table, and then with {@code join}. The pragmas name {@code main},
     * since a bare table name means a temporary table of that name first.
     */
    private static String perTable(String pragma, String join, String only) {
        return " FROM sqlite_master m JOIN " + pragma + "(m.name, 'main') p" + join
                + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'" + only;
    }

    /** Returns a condition that keeps the rows whose {@code column} is one of the names, or none for all names. */
    private static String only(String column, @Nullable Collection<String> names) {
        if (names == null) {
            return "";
        }
        StringBuilder in = new StringBuilder(" AND ").append(column).append(" IN (");
        int i = 0;
        for (String name : names) {
            in.append(i++ == 0 ? "" : ", ")
                    .append('\'')
                    .append(name.replace("'", "''"))
                    .append('\'');
        }
        return names.isEmpty() ? " AND 0" : in.append(')').toString();
    }

    @Override
    public Realm inspect(Connection connection, InspectOptions options) throws SQLException {
        if (!options.schemas().isEmpty() && !options.schemas().contains(MAIN)) {
            return new Realm(List.of());
        }
        Map<String, String> virtual = virtualTables(connection);
        List<Table> tables = tables(connection, virtual, null);
        List<SchemaObject> objects = SqliteObjects.inspect(connection);
        Map<String, Integer> unsupported = new TreeMap<>();
        virtual.values().stream()
                .filter("virtual"::equals)
                .forEach(type -> unsupported.merge("virtual table", 1, Integer::sum));
        return new Realm(
                List.of(new Schema(MAIN, tables, Optional.empty(), Map.of(), objects)), List.of(), unsupported);
    }

    /**
     * Inspects the named tables of {@code main} only, in {@code sqlite_master}'s order, as {@link #inspect}
     * would return them; a name that is not a table (or is a virtual or shadow table) is left out. This is what
     * lint uses to re-read just the tables a statement can touch.
     *
     * @throws SQLException when the database cannot be read
     */
    public List<Table> inspectTables(Connection connection, Collection<String> names) throws SQLException {
        return tables(connection, virtualTables(connection), names);
    }

    private static List<Table> tables(
            Connection connection, Map<String, String> virtual, @Nullable Collection<String> names)
            throws SQLException {
        // A few whole-database queries instead of several per table: per-table statements dominate on large schemas.
        String only = only("m.name", names);
        Catalog catalog = new Catalog(
                columnRows(connection, only),
                indexes(connection, only, only("tbl_name", names)),
                foreignKeyRows(connection, only),
                descendingKeyColumns(connection, only));
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                + only("name", names) + " ORDER BY rowid");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                if (!virtual.containsKey(rs.getString(1))) {
                    tables.add(table(connection, catalog, rs.getString(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /**
     * Returns the virtual tables (such as FTS5 indexes) and the shadow tables that store their data, by name with
     * their type. Plumb does not model them: creating the virtual table creates its shadow tables, which must never
     * be planned as tables of their own.
     */
    private static Map<String, String> virtualTables(Connection connection) throws SQLException {
        Map<String, String> tables = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                        "SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('virtual', 'shadow')");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getString(2));
            }
        }
        return tables;
    }

    /** What the whole-database queries read, by table name. */
    private record Catalog(
            Map<String, List<ColumnRow>> columns,
            Map<String, List<Index>> indexes,
            Map<String, List<ForeignKeyRow>> foreignKeys,
            Map<String, Set<String>> descendingKeys) {}

    private static Table table(Connection connection, Catalog catalog, String name, String sql) throws SQLException {
        List<ColumnRow> rows = catalog.columns().getOrDefault(name, List.of());
        Set<String> descendingKey = catalog.descendingKeys().getOrDefault(name, Set.of());
        CreateTableParser.Result parsed = CreateTableParser.parse(sql);
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> pk = new TreeMap<>();
        for (ColumnRow row : rows) {
            if (row.hidden() == 1) {
                continue;
            }
            columns.add(column(row, parsed));
            if (row.pk() > 0) {
                pk.put(row.pk(), row.name());
            }
        }
        Optional<PrimaryKey> primaryKey = pk.isEmpty()
                ? Optional.empty()
                : Optional.of(new PrimaryKey(
                        "",
                        pk.values().stream()
                                .map(c -> new IndexPart(c, false, descendingKey.contains(c), Map.of()))
                                .toList()));
        Map<String, String> options = new LinkedHashMap<>();
        if (parsed.withoutRowid()) {
            options.put("without_rowid", "true");
        }
        if (parsed.strict()) {
            options.put("strict", "true");
        }
        return new Table(
                name,
                columns,
                primaryKey,
                catalog.indexes().getOrDefault(name, List.of()),
                foreignKeys(connection, catalog.foreignKeys().getOrDefault(name, List.of()), parsed.foreignKeyNames()),
                parsed.checks(),
                Optional.empty(),
                options);
    }

    /** Reads {@code pragma_table_xinfo} of every table, by table name, each table's columns in {@code cid} order. */
    private static Map<String, List<ColumnRow>> columnRows(Connection connection, String only) throws SQLException {
        Map<String, List<ColumnRow>> byTable = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                        "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden"
                                + perTable("pragma_table_xinfo", "", only)
                                + " ORDER BY m.name, p.cid");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                byTable.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(new ColumnRow(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4) != 0,
                                rs.getString(5),
                                rs.getInt(6),
                                rs.getInt(7)));
            }
        }
        return byTable;
    }

    private static Column column(ColumnRow row, CreateTableParser.Result parsed) {
        String name = row.name();
        int hidden = row.hidden();
        CreateTableParser.ColumnText text = parsed.columns().getOrDefault(name, NO_TEXT);
        Optional<Generated> generated = Optional.empty();
        if (hidden == 2 || hidden == 3) {
            generated = text.generatedExpr().map(e -> new Generated(e, hidden == 3 ? "STORED" : "VIRTUAL"));
        }
        Optional<DefaultValue> defaultValue = Optional.ofNullable(row.dflt()).map(SqliteInspector::defaultValue);
        String type = row.type() == null ? "" : row.type();
        return new Column(
                name,
                SqliteTypes.parse(type),
                !row.notNull(),
                defaultValue,
                generated,
                text.autoIncrement(),
                Optional.empty(),
                Map.of(),
                Optional.of(type));
    }

    /** Classifies a default as SQLite reports it: literals as literals, anything else as an expression. */
    static DefaultValue defaultValue(String text) {
        return LITERAL.matcher(text).matches() ? new DefaultValue.Literal(text) : new DefaultValue.RawExpr(text);
    }

    /**
     * Reads the indexes of every table, by table name, each table's indexes in {@code sqlite_master}'s order (the
     * order they were created in, the indexes of {@code UNIQUE} constraints with their table), as the reference
     * reads them.
     */
    private static Map<String, List<Index>> indexes(Connection connection, String only, String onlyIndexes)
            throws SQLException {
        Map<String, String> sqls = new HashMap<>();
        Map<String, Long> order = new HashMap<>();
        indexSqls(connection, onlyIndexes, sqls, order);
        Map<String, List<PartRow>> parts = indexParts(connection, only);
        Map<String, List<Index>> byTable = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT m.name, p.name, p.\"unique\""
                        + perTable("pragma_index_list", "", only) + " AND p.origin <> 'pk'");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                byTable.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(index(name, rs.getInt(3) != 0, sqls.get(name), parts.getOrDefault(name, List.of())));
            }
        }
        for (List<Index> list : byTable.values()) {
            list.sort(Comparator.comparing((Index i) -> order.getOrDefault(i.name(), Long.MAX_VALUE))
                    .thenComparing(Index::name));
        }
        return byTable;
    }

    /**
     * Reads the stored {@code CREATE INDEX} statements by index name (implicit indexes have none) and each index's
     * place in {@code sqlite_master}.
     */
    private static void indexSqls(Connection connection, String only, Map<String, String> sqls, Map<String, Long> order)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                        "SELECT name, sql, rowid FROM sqlite_master WHERE type = 'index'" + only);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String sql = rs.getString(2);
                if (sql != null) {
                    sqls.put(rs.getString(1), sql);
                }
                order.put(rs.getString(1), rs.getLong(3));
            }
        }
    }

    /**
     * Reads which primary-key columns are descending, by table name. The table pragmas do not say; the index SQLite
     * keeps for a primary key (every one but a rowid alias) does.
     */
    private static Map<String, Set<String>> descendingKeyColumns(Connection connection, String only)
            throws SQLException {
        Map<String, Set<String>> byTable = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT m.name, x.name"
                        + perTable("pragma_index_list", " JOIN pragma_index_xinfo(p.name, 'main') x", only)
                        + " AND p.origin = 'pk' AND x.key = 1 AND x.\"desc\" = 1");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                byTable.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return byTable;
    }

    /** Reads the key parts of every non-primary-key index, by index name, in {@code seqno} order. */
    private static Map<String, List<PartRow>> indexParts(Connection connection, String only) throws SQLException {
        Map<String, List<PartRow>> byIndex = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT p.name, x.seqno, x.cid, x.name, x.\"desc\""
                        + perTable("pragma_index_list", " JOIN pragma_index_xinfo(p.name, 'main') x", only)
                        + " AND p.origin <> 'pk' AND x.key = 1 ORDER BY m.name, p.name, x.seqno");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                byIndex.computeIfAbsent(rs.getString(1), i -> new ArrayList<>())
                        .add(new PartRow(rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getInt(5) != 0));
            }
        }
        return byIndex;
    }

    private static Index index(String name, boolean unique, @Nullable String sql, List<PartRow> rows) {
        CreateIndexParser.Result parsed =
                sql == null ? new CreateIndexParser.Result(List.of(), Optional.empty()) : CreateIndexParser.parse(sql);
        List<IndexPart> parts = new ArrayList<>();
        for (PartRow row : rows) {
            if (row.cid() == -2 && row.seqno() < parsed.parts().size()) {
                parts.add(new IndexPart(parsed.parts().get(row.seqno()), true, row.desc(), Map.of()));
            } else {
                parts.add(new IndexPart(row.name(), false, row.desc(), Map.of()));
            }
        }
        return new Index(name, unique, parts, parsed.where(), Optional.empty(), Map.of());
    }

    /** Reads {@code pragma_foreign_key_list} of every table, by table name, each in {@code id DESC, seq} order. */
    private static Map<String, List<ForeignKeyRow>> foreignKeyRows(Connection connection, String only)
            throws SQLException {
        Map<String, List<ForeignKeyRow>> byTable = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                        "SELECT m.name, p.id, p.\"table\", p.\"from\", p.\"to\", p.on_update, p.on_delete"
                                + perTable("pragma_foreign_key_list", "", only)
                                + " ORDER BY m.name, p.id DESC, p.seq");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                byTable.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(new ForeignKeyRow(
                                rs.getInt(2),
                                rs.getString(3),
                                rs.getString(4),
                                Optional.ofNullable(rs.getString(5)),
                                rs.getString(6),
                                rs.getString(7)));
            }
        }
        return byTable;
    }

    private static List<ForeignKey> foreignKeys(Connection connection, List<ForeignKeyRow> rows, List<String> names)
            throws SQLException {
        // SQLite numbers keys in reverse declaration order, so the highest id was declared first.
        Map<Integer, List<ForeignKeyRow>> byId = new LinkedHashMap<>();
        for (ForeignKeyRow row : rows) {
            byId.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row);
        }
        List<ForeignKey> keys = new ArrayList<>();
        int ordinal = 0;
        for (List<ForeignKeyRow> key : byId.values()) {
            ForeignKeyRow first = key.get(0);
            String declared = byId.size() == names.size() ? names.get(ordinal) : "";
            List<String> refColumns = new ArrayList<>();
            for (ForeignKeyRow row : key) {
                refColumns.add(row.to().orElse(""));
            }
            if (refColumns.contains("")) {
                refColumns = primaryKeyColumns(connection, first.refTable());
            }
            keys.add(new ForeignKey(
                    declared.isEmpty() ? String.valueOf(first.id()) : declared,
                    key.stream().map(ForeignKeyRow::from).toList(),
                    MAIN,
                    first.refTable(),
                    refColumns,
                    action(first.onUpdate()),
                    action(first.onDelete())));
            ordinal++;
        }
        return keys;
    }

    /** Returns the primary-key columns of a table, which a {@code REFERENCES t} without columns refers to. */
    private static List<String> primaryKeyColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement st =
                connection.prepareStatement("SELECT name FROM pragma_table_info(?, 'main') WHERE pk > 0 ORDER BY pk")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static ReferenceAction action(String sql) {
        return ReferenceAction.parse(sql).orElse(ReferenceAction.NO_ACTION);
    }

    /** One row of {@code pragma_table_xinfo}; {@code type} and {@code dflt} are SQL NULL when absent. */
    private record ColumnRow(
            String name, @Nullable String type, boolean notNull, @Nullable String dflt, int pk, int hidden) {}

    /**
     * One key row of {@code pragma_index_xinfo}; {@code name} is SQL NULL for an expression part, which is only read
     * when the stored statement lacks that part.
     */
    private record PartRow(int seqno, int cid, String name, boolean desc) {}

    /** One row of {@code pragma_foreign_key_list}. */
    private record ForeignKeyRow(
            int id, String refTable, String from, Optional<String> to, String onUpdate, String onDelete) {}
}
