package io.plumb.engine.dialect.postgres.psql;

import io.plumb.engine.dialect.postgres.psql.CatalogRows.Row;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code ConstraintFooters} are the footers of psql's {@code \d} for a table's indexes and constraints: {@code
 * Indexes:} (primary key first, then by name; what {@code pg_get_indexdef} prints after {@code USING}, or the whole
 * constraint definition of an exclusion constraint), {@code Check constraints:}, {@code Foreign-key constraints:}
 * (with those inherited from a partitioned ancestor after the table's own) and {@code Referenced by:}.
 */
final class ConstraintFooters {

    private static final String INDEXES = "SELECT c2.relname, i.indisprimary::text, i.indisunique::text,"
            + " i.indisclustered::text, i.indisvalid::text, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),"
            + " pg_catalog.pg_get_constraintdef(con.oid, true), con.contype::text, con.condeferrable::text,"
            + " con.condeferred::text, i.indisreplident::text,"
            + " (SELECT t.spcname FROM pg_catalog.pg_tablespace t WHERE t.oid = c2.reltablespace), $PERIOD"
            + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c2 ON c2.oid = i.indexrelid"
            + " LEFT JOIN pg_catalog.pg_constraint con ON con.conrelid = i.indrelid AND con.conindid = i.indexrelid"
            + " AND con.contype IN ('p', 'u', 'x')"
            + " WHERE i.indrelid = %d ORDER BY i.indisprimary DESC, c2.relname";

    private static final String CHECKS = "SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)"
            + " FROM pg_catalog.pg_constraint r WHERE r.conrelid = %d AND r.contype = 'c' ORDER BY 1";

    // A partition and a partitioned table also show the keys of their partitioned ancestors, after their own.
    private static final String FOREIGN_KEYS_PARTITIONED = "SELECT (con.conrelid = %d)::text, con.conname,"
            + " pg_catalog.pg_get_constraintdef(con.oid, true), con.conrelid::pg_catalog.regclass::text"
            + " FROM pg_catalog.pg_constraint con, pg_catalog.pg_partition_ancestors(%d) a"
            + " WHERE con.conrelid = a.relid AND con.contype = 'f' AND con.conparentid = 0"
            + " ORDER BY con.conrelid = %d DESC, con.conname";

    private static final String FOREIGN_KEYS = "SELECT 'true', r.conname,"
            + " pg_catalog.pg_get_constraintdef(r.oid, true), r.conrelid::pg_catalog.regclass::text"
            + " FROM pg_catalog.pg_constraint r WHERE r.conrelid = %d AND r.contype = 'f' AND r.conparentid = 0"
            + " ORDER BY r.conname";

    private static final String REFERENCED_BY = "SELECT c.conname, c.conrelid::pg_catalog.regclass::text,"
            + " pg_catalog.pg_get_constraintdef(c.oid, true) FROM pg_catalog.pg_constraint c"
            + " WHERE c.confrelid IN (SELECT pg_catalog.pg_partition_ancestors(%d)"
            + " UNION ALL VALUES (%d::pg_catalog.regclass)) AND c.contype = 'f' AND c.conparentid = 0"
            + " ORDER BY c.conname";

    private final CatalogRows catalog;
    private final int version;
    private final PsqlRelation relation;

    ConstraintFooters(CatalogRows catalog, int version, PsqlRelation relation) {
        this.catalog = catalog;
        this.version = version;
        this.relation = relation;
    }

    void addTo(List<String> out) throws SQLException {
        long oid = relation.oid();
        if (relation.flags().hasIndex()) {
            indexes(out);
        }
        if (relation.flags().hasChecks()) {
            List<Row> checks = catalog.query(CHECKS, oid);
            if (!checks.isEmpty()) {
                out.add("Check constraints:");
                checks.forEach(row -> out.add("    \"" + row.text(0) + "\" " + row.text(1)));
            }
        }
        // Foreign keys install triggers, so a table without triggers has none; a partitioned table keeps its
        // keys' triggers on its partitions.
        if (!relation.flags().hasTriggers() && !relation.isPartitioned()) {
            return;
        }
        boolean partitioned = relation.flags().isPartition() || relation.isPartitioned();
        List<Row> keys = catalog.query(partitioned ? FOREIGN_KEYS_PARTITIONED : FOREIGN_KEYS, oid);
        if (!keys.isEmpty()) {
            out.add("Foreign-key constraints:");
            for (Row row : keys) {
                out.add(
                        row.is(0)
                                ? "    \"" + row.text(1) + "\" " + row.text(2)
                                : "    TABLE \"" + row.text(3) + "\" CONSTRAINT \"" + row.text(1) + "\" "
                                        + row.text(2));
            }
        }
        List<Row> references = catalog.query(REFERENCED_BY, oid);
        if (!references.isEmpty()) {
            out.add("Referenced by:");
            references.forEach(row ->
                    out.add("    TABLE \"" + row.text(1) + "\" CONSTRAINT \"" + row.text(0) + "\" " + row.text(2)));
        }
    }

    private void indexes(List<String> out) throws SQLException {
        String period = version >= 180000 ? "con.conperiod::text" : "'false'";
        List<Row> indexes = catalog.query(INDEXES.replace("$PERIOD", period), relation.oid());
        if (indexes.isEmpty()) {
            return;
        }
        out.add("Indexes:");
        for (Row row : indexes) {
            StringBuilder line = new StringBuilder("    \"").append(row.text(0)).append('"');
            if (row.text(7).equals("x") || row.is(12)) {
                line.append(' ').append(row.text(6));
            } else {
                if (row.is(1)) {
                    line.append(" PRIMARY KEY,");
                } else if (row.is(2)) {
                    line.append(row.text(7).equals("u") ? " UNIQUE CONSTRAINT," : " UNIQUE,");
                }
                String definition = row.text(5);
                int using = definition.indexOf(" USING ");
                line.append(' ').append(using >= 0 ? definition.substring(using + 7) : definition);
                if (row.is(8)) {
                    line.append(" DEFERRABLE");
                }
                if (row.is(9)) {
                    line.append(" INITIALLY DEFERRED");
                }
            }
            if (row.is(3)) {
                line.append(" CLUSTER");
            }
            if (!row.is(4)) {
                line.append(" INVALID");
            }
            if (row.is(10)) {
                line.append(" REPLICA IDENTITY");
            }
            if (row.get(11) != null) {
                line.append(", tablespace \"").append(row.text(11)).append('"');
            }
            out.add(line.toString());
        }
    }
}
