package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.spec.SpecAttribute;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code IndexQuery} reads the indexes of a set of schemas in one query, one row per key part: unique
 * constraints come back as unique indexes with the {@link SpecAttribute#UNIQUE_CONSTRAINT} option, exclusion
 * constraints as indexes with the {@link SpecAttribute#EXCLUDE_CONSTRAINT} option and each part's operator, primary keys are
 * left to the constraints query, covering ({@code INCLUDE}) columns come back as the {@code include} option.
 */
final class IndexQuery {

    private static final String SQL = "SELECT n.nspname, t.relname, i.relname, x.indisunique, am.amname,"
            + " pg_get_expr(x.indpred, x.indrelid, true), k.n, x.indkey[k.n - 1], a.attname,"
            + " pg_get_indexdef(x.indexrelid, k.n, true), x.indoption[k.n - 1],"
            + " obj_description(i.oid, 'pg_class'), x.indnullsnotdistinct,"
            + " EXISTS (SELECT 1 FROM pg_constraint u WHERE u.conindid = x.indexrelid AND u.contype = 'u'"
            + " AND u.conrelid = x.indrelid),"
            + " array(SELECT ia.attname FROM generate_series(x.indnkeyatts + 1, x.indnatts) j(n)"
            + " JOIN pg_attribute ia ON ia.attrelid = x.indrelid AND ia.attnum = x.indkey[j.n - 1] ORDER BY j.n),"
            // An operator class is kept when it is not the default, or has parameters (tsvector_ops(siglen=8)),
            // which the index's own attribute keeps.
            + " (SELECT oc.opcname FROM pg_opclass oc WHERE oc.oid = x.indclass[k.n - 1]"
            + " AND (NOT oc.opcdefault OR ia.attoptions IS NOT NULL)),"
            + " (SELECT o.option_value FROM pg_options_to_table(i.reloptions) o"
            + " WHERE o.option_name = 'pages_per_range'),"
            + " array_to_string(ia.attoptions, ', '),"
            // An exclusion constraint's operator for this part: the constraint's conexclop, one per key column.
            + " (SELECT op.oprname FROM pg_constraint e JOIN pg_operator op ON op.oid = e.conexclop[k.n]"
            + " WHERE e.conindid = x.indexrelid AND e.contype = 'x' AND e.conrelid = x.indrelid)"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " JOIN pg_am am ON am.oid = i.relam"
            + " CROSS JOIN LATERAL generate_series(1, x.indnkeyatts) k(n)"
            + " LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.n - 1]"
            + " LEFT JOIN pg_attribute ia ON ia.attrelid = x.indexrelid AND ia.attnum = k.n"
            + " WHERE NOT x.indisprimary AND t.relkind IN ($KINDS) AND $FILTER AND $TABLES(t)"
            // A partition's index that is attached to its parent's index is the parent's.
            + " AND NOT i.relispartition"
            + " ORDER BY n.nspname, t.relname, i.relname, k.n";

    private final CatalogQuery query;
    private final String relkinds;

    IndexQuery(CatalogQuery query) {
        this(query, "'r', 'p'");
    }

    /** Returns the query for the indexes of relations of the given kinds ({@code 'm'} for materialized views). */
    IndexQuery(CatalogQuery query, String relkinds) {
        this.query = query;
        this.relkinds = relkinds;
    }

    /** Reads the indexes into the tables they belong to. */
    void read(Connection connection, Map<String, TableBuilder> tables) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        String sql = SQL.replace("$KINDS", relkinds);
        if (connection.getMetaData().getDatabaseMajorVersion() < 15) {
            // NULLS NOT DISTINCT came with PostgreSQL 15; before it every index treats nulls as distinct.
            sql = sql.replace("x.indnullsnotdistinct", "false");
        }
        try (PreparedStatement st = query.prepare(connection, sql);
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
            boolean constraint = rs.getBoolean(14);
            if (rs.getBoolean(13)) {
                options.put(PostgresSpecDialect.NULLS_DISTINCT, "false");
            }
            java.sql.Array array = rs.getArray(15);
            Object[] include = array == null ? new Object[0] : (Object[]) array.getArray();
            if (include.length > 0) {
                options.put(
                        PostgresSpecDialect.INCLUDE,
                        String.join(
                                ",", Arrays.stream(include).map(String::valueOf).toList()));
            }
            String pagesPerRange = rs.getString(17);
            if (pagesPerRange != null) {
                options.put(PostgresSpecDialect.PAGE_PER_RANGE, pagesPerRange);
            }
            if (constraint) {
                options.put(SpecAttribute.UNIQUE_CONSTRAINT, "true");
            }
            if (rs.getString(19) != null) {
                options.put(SpecAttribute.EXCLUDE_CONSTRAINT, "true");
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
        // indoption bit 0 is DESC, bit 1 NULLS FIRST; only an order that is not the direction's default is kept.
        int option = rs.getInt(11);
        boolean desc = (option & 1) != 0;
        boolean nullsFirst = (option & 2) != 0;
        Map<String, String> options = new LinkedHashMap<>();
        if (!desc && nullsFirst) {
            options.put(PostgresSpecDialect.NULLS_FIRST, "true");
        } else if (desc && !nullsFirst) {
            options.put(PostgresSpecDialect.NULLS_LAST, "true");
        }
        String ops = rs.getString(16);
        if (ops != null) {
            String params = rs.getString(18);
            options.put(PostgresSpecDialect.OPS, params == null ? ops : ops + "(" + params + ")");
        }
        String operator = rs.getString(19);
        if (operator != null) {
            options.put(SpecAttribute.OP, operator);
        }
        if (rs.getInt(8) != 0) {
            return new IndexPart(rs.getString(9), false, desc, options);
        }
        return new IndexPart(PostgresExpressions.unwrap(rs.getString(10)), true, desc, options);
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
