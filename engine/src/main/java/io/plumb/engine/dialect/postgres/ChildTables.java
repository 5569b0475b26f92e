package io.plumb.engine.dialect.postgres;

import io.plumb.engine.db.SqlText;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ChildTables} is how the model keeps a PostgreSQL partition ({@code CREATE TABLE c PARTITION OF p FOR VALUES
 * ...}) and a table that inherits from others ({@code INHERITS (p)}), which it has no fields for: table options
 * {@code partition_of} (the parent as a qualified, quoted SQL name), {@code partition_bound} (as {@code
 * pg_get_expr} prints it: {@code FOR VALUES FROM (1) TO (10)}, {@code FOR VALUES IN ('a')}, {@code FOR VALUES WITH
 * (modulus 4, remainder 0)}, {@code DEFAULT}) and {@code inherits} (the parents' qualified names, joined by {@code
 * ", "}). A child lists every column it has, inherited ones too, as the catalogue does; the columns, keys, checks
 * and indexes it inherits from a partitioned parent are the parent's and are not inspected as the child's.
 */
final class ChildTables {

    /** The table option naming the partitioned parent of a partition. */
    static final String PARTITION_OF = "partition_of";

    /** The table option holding a partition's bound. */
    static final String BOUND = "partition_bound";

    /** The table option naming the parents of an inheriting table. */
    static final String INHERITS = "inherits";

    private static final String SQL = "SELECT n.nspname, c.relname, c.relispartition,"
            + " pg_get_expr(c.relpartbound, c.oid),"
            + " array(SELECT quote_ident(pn.nspname) || '.' || quote_ident(p.relname) FROM pg_inherits i"
            + " JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace"
            + " WHERE i.inhrelid = c.oid ORDER BY i.inhseqno),"
            + " c.relrowsecurity, c.relforcerowsecurity"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND $FILTER AND $TABLES(c)"
            + " AND (c.relhassubclass OR c.relispartition OR c.relrowsecurity OR c.relforcerowsecurity"
            + " OR EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid))";

    private ChildTables() {}

    /** Reads the parents, bounds and row security of the tables into their options. */
    static void read(Connection connection, CatalogQuery query, Map<String, TableBuilder> tables) throws SQLException {
        try (PreparedStatement st = query.prepare(connection, SQL);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(PostgresInspector.key(rs.getString(1), rs.getString(2)));
                if (table == null) {
                    continue;
                }
                List<String> parents = PostgresInspector.strings(rs, 5).stream()
                        .map(ChildTables::quoted)
                        .toList();
                if (rs.getBoolean(3) && !parents.isEmpty()) {
                    table.options().put(PARTITION_OF, parents.get(0));
                    table.options().put(BOUND, rs.getString(4));
                } else if (!parents.isEmpty()) {
                    table.options().put(INHERITS, String.join(", ", parents));
                }
                RowSecurity.read(rs.getBoolean(6), rs.getBoolean(7), table.options());
            }
        }
    }

    /** Returns whether a table is a partition, whose columns and inherited parts belong to its parent. */
    static boolean isPartition(Table table) {
        return table.options().containsKey(PARTITION_OF);
    }

    /** Returns the qualified names of a table's parents: its partitioned table or the tables it inherits from. */
    static List<String> parents(Map<String, String> options) {
        if (options.containsKey(PARTITION_OF)) {
            return List.of(options.get(PARTITION_OF));
        }
        String inherits = options.get(INHERITS);
        return inherits == null ? List.of() : split(inherits);
    }

    /** Returns the {@code CREATE TABLE} text after the name: partition or column list, bound, parents, key. */
    static String createTail(PostgresDdl ddl, String schema, Table table, List<String> items) {
        Optional<String> key = Partition.clause(table);
        String parent = table.options().get(PARTITION_OF);
        if (parent != null) {
            String body = items.isEmpty() ? "" : " " + ddl.body(items);
            return "PARTITION OF " + sqlName(ddl, schema, parent) + body + " "
                    + table.options().get(BOUND) + key.orElse("");
        }
        String inherits = table.options().get(INHERITS);
        String parents = inherits == null
                ? ""
                : " INHERITS ("
                        + String.join(
                                ", ",
                                split(inherits).stream()
                                        .map(p -> sqlName(ddl, schema, p))
                                        .toList())
                        + ")";
        return ddl.body(items) + parents + key.orElse("");
    }

    /** Returns a parent's name as a plan writes it: unqualified in an unqualified plan when in the same schema. */
    static String sqlName(PostgresDdl ddl, String schema, String qualifiedName) {
        List<String> names = names(qualifiedName);
        return names.get(0).equals(schema) ? ddl.table(schema, names.get(1)) : qualifiedName;
    }

    /** Returns the SQL name of a table, qualified and quoted. */
    static String qualified(String schema, String table) {
        return PostgresDdl.quote(schema) + "." + PostgresDdl.quote(table);
    }

    /** Returns the schema and name of a qualified, quoted name. */
    static List<String> split(String qualifiedNames) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < qualifiedNames.length(); i++) {
            char c = qualifiedNames.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < qualifiedNames.length() && qualifiedNames.charAt(i + 1) == '"') {
                    current.append("\"\"");
                    i++;
                    continue;
                }
                quoted = !quoted;
                current.append(c);
            } else if (c == ',' && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().trim());
        }
        return parts;
    }

    /** Returns the schema and the table of one qualified, quoted name. */
    static List<String> names(String qualifiedName) {
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < qualifiedName.length(); i++) {
            char c = qualifiedName.charAt(i);
            if (c == '"' && quoted && i + 1 < qualifiedName.length() && qualifiedName.charAt(i + 1) == '"') {
                current.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                names.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        names.add(current.toString());
        return names;
    }

    /** Returns the parts of a list separated by top-level commas (outside parentheses, quotes and strings). */
    static List<String> splitTopLevel(String text) {
        return SqlText.splitTopLevel(text);
    }

    // quote_ident leaves simple lower-case names bare; the model always quotes.
    private static String quoted(String name) {
        List<String> parts = names(name);
        return qualified(parts.get(0), parts.get(1));
    }
}
