package io.plumb.engine.dialect.postgres.psql;

import io.plumb.engine.dialect.postgres.psql.CatalogRows.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PsqlFooters} gathers the footer lines of psql's {@code \d} (without {@code +}) for one relation, in
 * psql's order: what a partition belongs to and a partitioned table's key; then, for tables, the constraint
 * footers ({@link ConstraintFooters}) and the other objects on the table ({@link ObjectFooters}); triggers; and
 * last the inheritance counts, the type of a typed table and a tablespace other than the default.
 */
final class PsqlFooters {

    private final CatalogRows catalog;
    private final int version;
    private final PsqlRelation relation;

    PsqlFooters(Connection connection, int version, PsqlRelation relation) {
        this.catalog = new CatalogRows(connection);
        this.version = version;
        this.relation = relation;
    }

    /** Returns the footer lines; a line may hold newlines, which psql prints as they are. */
    List<String> all() throws SQLException {
        List<String> out = new ArrayList<>();
        long oid = relation.oid();
        if (relation.flags().isPartition()) {
            partitionOf(out);
        }
        if (relation.isPartitioned()) {
            for (Row row : catalog.query("SELECT pg_catalog.pg_get_partkeydef(%d)", oid)) {
                out.add("Partition key: " + row.text(0));
            }
        }
        ObjectFooters objects = new ObjectFooters(catalog, version, relation);
        if (relation.isTableLike()) {
            new ConstraintFooters(catalog, version, relation).addTo(out);
            objects.addTo(out);
        }
        if (relation.flags().hasTriggers()) {
            objects.triggers(out);
        }
        if (relation.isTableLike()) {
            if (relation.kind() == 'f') {
                foreignServer(out);
            }
            inheritance(out);
            if (relation.ofType() != null) {
                out.add("Typed table of type: " + relation.ofType());
            }
            if (relation.tablespace() != 0 && relation.kind() != 'f') {
                for (Row row : catalog.query(
                        "SELECT spcname FROM pg_catalog.pg_tablespace WHERE oid = " + relation.tablespace(), oid)) {
                    out.add("Tablespace: \"" + row.text(0) + "\"");
                }
            }
        }
        return out;
    }

    private void partitionOf(List<String> out) throws SQLException {
        String detached = version >= 140000 ? "i.inhdetachpending::text" : "'false'";
        for (Row row : catalog.query(
                "SELECT i.inhparent::pg_catalog.regclass::text, pg_catalog.pg_get_expr(c.relpartbound, c.oid), "
                        + detached + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i"
                        + " ON c.oid = i.inhrelid WHERE c.oid = %d",
                relation.oid())) {
            out.add("Partition of: " + row.text(0) + " " + row.text(1) + (row.is(2) ? " DETACH PENDING" : ""));
        }
    }

    private void foreignServer(List<String> out) throws SQLException {
        for (Row row : catalog.query(
                "SELECT s.srvname, pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(o.option_name)"
                        + " || ' ' || pg_catalog.quote_literal(o.option_value)"
                        + " FROM pg_catalog.pg_options_to_table(f.ftoptions) o), ', ')"
                        + " FROM pg_catalog.pg_foreign_table f JOIN pg_catalog.pg_foreign_server s"
                        + " ON s.oid = f.ftserver WHERE f.ftrelid = %d",
                relation.oid())) {
            out.add("Server: " + row.text(0));
            if (!row.text(1).isEmpty()) {
                out.add("FDW options: (" + row.text(1) + ")");
            }
        }
    }

    // Parents are listed (partitioned parents are the "Partition of" line instead); children are only counted,
    // as \d without + does.
    private void inheritance(List<String> out) throws SQLException {
        List<Row> parents = catalog.query(
                "SELECT c.oid::pg_catalog.regclass::text FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i"
                        + " ON c.oid = i.inhparent WHERE i.inhrelid = %d AND c.relkind NOT IN ('p', 'I')"
                        + " ORDER BY i.inhseqno",
                relation.oid());
        String label = "Inherits";
        for (int i = 0; i < parents.size(); i++) {
            String line = (i == 0 ? label + ": " : " ".repeat(label.length() + 2))
                    + parents.get(i).text(0);
            out.add(i < parents.size() - 1 ? line + "," : line);
        }
        List<Row> children =
                catalog.query("SELECT i.inhrelid FROM pg_catalog.pg_inherits i WHERE i.inhparent = %d", relation.oid());
        if (relation.isPartitioned()) {
            out.add("Number of partitions: " + children.size()
                    + (children.isEmpty() ? "" : " (Use \\d+ to list them.)"));
        } else if (!children.isEmpty()) {
            out.add("Number of child tables: " + children.size() + " (Use \\d+ to list them.)");
        }
    }
}
