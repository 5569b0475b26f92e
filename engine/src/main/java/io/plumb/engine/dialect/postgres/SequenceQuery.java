package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Sequence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code SequenceQuery} reads the sequences of a set of schemas, except those the table model already expresses:
 * an identity column's, and a serial column's (see {@link #serial}). A sequence that some default draws from but
 * that is not a serial's (another name, other options, a type other than its column's) is a {@link Sequence}, with
 * its {@code OWNED BY} column if it has one.
 */
final class SequenceQuery {

    private static final String SQL = "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart,"
            + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, oc.relname, oa.attname,"
            + " obj_description(c.oid, 'pg_class')"
            + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
            + " LEFT JOIN pg_class oc ON oc.oid = d.refobjid"
            + " LEFT JOIN pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid"
            + " WHERE $FILTER AND (d.deptype IS NULL OR d.deptype = 'a')"
            + " AND (d.deptype IS NULL OR NOT (" + serial("c.oid", "s", "oc.relname", "oa") + "))"
            + PostgresUnsupported.notMember("pg_class", "c.oid")
            + " ORDER BY n.nspname, c.relname";

    private SequenceQuery() {}

    /**
     * Returns the SQL condition under which a sequence owned by a column is that column's serial sequence, which
     * {@code serial} would have made: the column's integer type, every option at its default, the name {@code
     * table_column_seq}, and the column's default {@code nextval} of it.
     *
     * @param seqOid the expression of the sequence's oid
     * @param seq the alias of its {@code pg_sequence} row
     * @param table the expression of the owning table's name
     * @param column the alias of the owning column's {@code pg_attribute} row
     */
    static String serial(String seqOid, String seq, String table, String column) {
        return seq + ".seqtypid = " + column + ".atttypid AND " + seq + ".seqstart = 1 AND " + seq
                + ".seqincrement = 1 AND " + seq + ".seqmin = 1 AND " + seq + ".seqcache = 1 AND NOT " + seq
                + ".seqcycle AND " + seq + ".seqmax = CASE " + seq + ".seqtypid WHEN 'int2'::regtype THEN 32767"
                + " WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END"
                + " AND (SELECT sc.relname FROM pg_class sc WHERE sc.oid = " + seqOid + ") = " + table + " || '_' || "
                + column + ".attname || '_seq'"
                + " AND EXISTS (SELECT 1 FROM pg_attrdef ad WHERE ad.adrelid = " + column + ".attrelid"
                + " AND ad.adnum = " + column + ".attnum AND pg_get_expr(ad.adbin, ad.adrelid) = 'nextval('"
                + " || quote_literal(" + seqOid + "::regclass::text) || '::regclass)')";
    }

    /** Reads the sequences into the objects of their schemas. */
    static void read(Connection connection, CatalogQuery query, Map<String, List<SchemaObject>> objects)
            throws SQLException {
        try (PreparedStatement st = query.prepare(connection, SQL);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString(3);
                long increment = rs.getLong(5);
                long min = rs.getLong(6);
                long max = rs.getLong(7);
                Optional<String> owner = rs.getString(10) == null
                        ? Optional.empty()
                        : Optional.of(rs.getString(10) + "." + rs.getString(11));
                Sequence sequence = new Sequence(
                        rs.getString(2),
                        type,
                        rs.getLong(4),
                        increment,
                        min == SequenceRange.min(type, increment) ? Optional.empty() : Optional.of(min),
                        max == SequenceRange.max(type, increment) ? Optional.empty() : Optional.of(max),
                        rs.getLong(8),
                        rs.getBoolean(9),
                        owner,
                        Optional.ofNullable(rs.getString(12)));
                objects.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(sequence);
            }
        }
    }
}
