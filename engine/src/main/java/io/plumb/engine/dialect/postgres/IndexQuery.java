package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code IndexQuery} reads the indexes of a set of schemas in one query, one row per key part: unique
 * constraints come back as unique indexes, primary keys are left to the constraints query, and covering ({@code
 * INCLUDE}) columns are not read.
 */
final class IndexQuery {

    private static final String SQL = "SELECT n.nspname, t.relname, i.relname, x.indisunique, am.amname,"
            + " pg_get_expr(x.indpred, x.indrelid, true), k.n, x.indkey[k.n - 1], a.attname,"
            + " pg_get_indexdef(x.indexrelid, k.n, true), x.indoption[k.n - 1],"
            + " obj_description(i.oid, 'pg_class'), x.indnullsnotdistinct"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " JOIN pg_am am ON am.oid = i.relam"
            + " CROSS JOIN LATERAL generate_series(1, x.indnkeyatts) k(n)"
            + " LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.n - 1]"
            + " WHERE NOT x.indisprimary AND t.relkind IN ('r', 'p') AND $FILTER"
            + " ORDER BY n.nspname, t.relname, i.relname, k.n";

    private final CatalogQuery query;

    IndexQuery(CatalogQuery query) {
        this.query = query;
    }

    /** Reads the indexes into the tables they belong to. */
    void read(Connection connection, Map<String, TableBuilder> tables) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement st = query.prepare(connection, SQL);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String table = PostgresInspector.key(rs.getString(1), rs.getString(2));
                Row row = rows.computeIfAbsent(table + "\u0000" + rs.getString(3), k -> first(rs, table));
                row.parts().add(part(rs));
            }
        }
        for (Row row : rows.values()) {
            TableBuilder table = tables.get(row.table());
            if (table != null) {
                table.indexes().add(row.index());
            }
        }
    }

    private static Row first(ResultSet rs, String table) {
        try {
            Map<String, String> options = new LinkedHashMap<>();
            String method = rs.getString(5);
            if (!method.equals("btree")) {
                options.put(PostgresSpecDialect.TYPE, method.toUpperCase(Locale.ROOT));
            }
            if (rs.getBoolean(13)) {
                options.put(PostgresSpecDialect.NULLS_DISTINCT, "false");
            }
            return new Row(
                    table,
                    rs.getString(3),
                    rs.getBoolean(4),
                    Optional.ofNullable(rs.getString(6)),
                    Optional.ofNullable(rs.getString(12)),
                    options,
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException("reading index row: " + e.getMessage(), e);
        }
    }

    private static IndexPart part(ResultSet rs) throws SQLException {
        // indoption bit 0 is DESC; NULLS FIRST (bit 1) is DESC's default and not modelled.
        boolean desc = (rs.getInt(11) & 1) != 0;
        if (rs.getInt(8) != 0) {
            return new IndexPart(rs.getString(9), false, desc, Map.of());
        }
        return new IndexPart(PostgresExpressions.unwrap(rs.getString(10)), true, desc, Map.of());
    }

    /** One index as its first row describes it, with the parts read so far. */
    private record Row(
            String table,
            String name,
            boolean unique,
            Optional<String> where,
            Optional<String> comment,
            Map<String, String> options,
            List<IndexPart> parts) {

        Index index() {
            return new Index(name, unique, parts, where, comment, options);
        }
    }
}
