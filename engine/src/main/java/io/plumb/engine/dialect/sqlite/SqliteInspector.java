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
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code SqliteInspector} reads the {@code main} schema of a SQLite database into the model, from {@code
 * sqlite_master}, the table and index pragmas, and the stored {@code CREATE} statements.
 */
public final class SqliteInspector implements Inspector {

    /** The one schema SQLite has (attached databases are not supported). */
    public static final String MAIN = "main";

    private static final Pattern LITERAL = Pattern.compile(
            "(?i)true|false|[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?|'([^']|'')*'|\"([^\"]|\"\")*\"|x'[0-9a-f]*'");

    @Override
    public Realm inspect(Connection connection, InspectOptions options) throws SQLException {
        if (!options.schemas().isEmpty() && !options.schemas().contains(MAIN)) {
            return new Realm(List.of());
        }
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                + " ORDER BY name");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                tables.add(table(connection, rs.getString(1), rs.getString(2)));
            }
        }
        return Realm.of(Schema.of(MAIN, tables));
    }

    private static Table table(Connection connection, String name, String sql) throws SQLException {
        CreateTableParser.Result parsed = CreateTableParser.parse(sql);
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> pk = new TreeMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int hidden = rs.getInt(6);
                    if (hidden == 1) {
                        continue;
                    }
                    columns.add(column(rs, hidden, parsed));
                    if (rs.getInt(5) > 0) {
                        pk.put(rs.getInt(5), rs.getString(1));
                    }
                }
            }
        }
        Optional<PrimaryKey> primaryKey = pk.isEmpty()
                ? Optional.empty()
                : Optional.of(new PrimaryKey("", IndexPart.columns(pk.values().toArray(String[]::new))));
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
                indexes(connection, name),
                foreignKeys(connection, name, parsed.foreignKeyNames()),
                parsed.checks(),
                Optional.empty(),
                options);
    }

    private static Column column(ResultSet rs, int hidden, CreateTableParser.Result parsed) throws SQLException {
        String name = rs.getString(1);
        String type = rs.getString(2);
        String dflt = rs.getString(4);
        CreateTableParser.ColumnText text =
                parsed.columns().getOrDefault(name, new CreateTableParser.ColumnText(false, Optional.empty()));
        Optional<Generated> generated = Optional.empty();
        if (hidden == 2 || hidden == 3) {
            generated = text.generatedExpr().map(e -> new Generated(e, hidden == 3 ? "STORED" : "VIRTUAL"));
        }
        Optional<DefaultValue> defaultValue = Optional.ofNullable(dflt).map(SqliteInspector::defaultValue);
        return new Column(
                name,
                SqliteTypes.parse(type == null ? "" : type),
                rs.getInt(3) == 0,
                defaultValue,
                generated,
                text.autoIncrement(),
                Optional.empty(),
                Map.of());
    }

    /** Classifies a default as SQLite reports it: literals as literals, anything else as an expression. */
    static DefaultValue defaultValue(String text) {
        return LITERAL.matcher(text).matches() ? new DefaultValue.Literal(text) : new DefaultValue.RawExpr(text);
    }

    private static List<Index> indexes(Connection connection, String table) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT il.name, il.\"unique\", il.origin, m.sql FROM pragma_index_list(?) il"
                        + " LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = il.name"
                        + " WHERE il.origin <> 'pk'")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    indexes.add(index(connection, rs.getString(1), rs.getInt(2) != 0, rs.getString(4)));
                }
            }
        }
        indexes.sort(Comparator.comparing(Index::name));
        return indexes;
    }

    private static Index index(Connection connection, String name, boolean unique, String sql) throws SQLException {
        CreateIndexParser.Result parsed =
                sql == null ? new CreateIndexParser.Result(List.of(), Optional.empty()) : CreateIndexParser.parse(sql);
        List<IndexPart> parts = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT seqno, cid, name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int seqno = rs.getInt(1);
                    boolean desc = rs.getInt(4) != 0;
                    if (rs.getInt(2) == -2 && seqno < parsed.parts().size()) {
                        parts.add(new IndexPart(parsed.parts().get(seqno), true, desc, Map.of()));
                    } else {
                        parts.add(new IndexPart(rs.getString(3), false, desc, Map.of()));
                    }
                }
            }
        }
        return new Index(name, unique, parts, parsed.where(), Optional.empty(), Map.of());
    }

    private static List<ForeignKey> foreignKeys(Connection connection, String table, List<String> names)
            throws SQLException {
        List<ForeignKeyRow> rows = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?)"
                        + " ORDER BY id DESC, seq")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ForeignKeyRow(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            Optional.ofNullable(rs.getString(4)),
                            rs.getString(5),
                            rs.getString(6)));
                }
            }
        }
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
                connection.prepareStatement("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk")) {
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

    /** One row of {@code pragma_foreign_key_list}. */
    private record ForeignKeyRow(
            int id, String refTable, String from, Optional<String> to, String onUpdate, String onDelete) {}
}
