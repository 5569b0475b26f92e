package io.plumb.engine.dialect.postgres;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.Inspector;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.KeyDeferral;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code PostgresInspector} reads schemas from {@code pg_catalog}: one query per kind of object for the whole
 * set of schemas, never one per table. Schemas and tables come ordered by name, columns by position, constraints
 * and indexes by name.
 */
public final class PostgresInspector implements Inspector {

    private static final String SCHEMAS = "SELECT n.nspname, obj_description(n.oid, 'pg_namespace')"
            + " FROM pg_namespace n WHERE $FILTER ORDER BY n.nspname";

    private static final String TABLES = "SELECT n.nspname, c.relname, obj_description(c.oid, 'pg_class')"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND $FILTER AND $TABLES(c)"
            + PostgresUnsupported.notMember("pg_class", "c.oid")
            + " ORDER BY n.nspname, c.relname";

    private static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname,"
            + " format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
            + " a.attidentity, a.attgenerated, col_description(c.oid, a.attnum), s.seqstart, s.seqincrement,"
            + " dep.deptype, " + DomainQuery.typtype("ty") + ", tn.nspname, ty.typname,"
            + " CASE WHEN a.attcollation <> ty.typcollation THEN co.collname END,"
            + " dep.deptype = 'a' AND " + SequenceQuery.serial("dep.objid", "s", "c.relname", "a") + ", "
            + DomainQuery.element("ty") + ", "
            // The type as information_schema.columns.data_type spells it, which the reference reports (a domain
            // by its own name).
            + "CASE WHEN ty.typtype = 'd' THEN format_type(a.atttypid, a.atttypmod)"
            + " WHEN ty.typelem <> 0 AND ty.typlen = -1 THEN 'ARRAY'"
            + " WHEN tn.nspname = 'pg_catalog' THEN format_type(a.atttypid, NULL) ELSE 'USER-DEFINED' END"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_type ty ON ty.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = ty.typnamespace"
            + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_depend dep ON dep.refobjid = c.oid AND dep.refobjsubid = a.attnum"
            + " AND dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass"
            + " AND dep.deptype IN ('a', 'i')"
            + " AND EXISTS (SELECT 1 FROM pg_class sc WHERE sc.oid = dep.objid AND sc.relkind = 'S')"
            + " LEFT JOIN pg_sequence s ON s.seqrelid = dep.objid"
            + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND $FILTER AND $TABLES(c) ORDER BY n.nspname, c.relname, a.attnum";

    private static final String ENUMS = "SELECT n.nspname, t.typname,"
            + " array(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE t.typtype = 'e' AND $FILTER ORDER BY n.nspname, t.typname";

    private static final String PARTITIONS = "SELECT n.nspname, c.relname, p.partstrat,"
            + " array(SELECT a.attname FROM unnest(p.partattrs::int2[]) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num ORDER BY k.ord),"
            + " 0 = ANY(p.partattrs::int2[]), pg_get_partkeydef(c.oid)"
            + " FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE $FILTER AND $TABLES(c)";

    // A check's expression is pg_get_expr's, not pretty-printed: (a > 0) keeps the parentheses the reference keeps.
    private static final String CONSTRAINTS = "SELECT n.nspname, c.relname, con.conname, con.contype,"
            + " pg_get_expr(con.conbin, con.conrelid), con.confupdtype, con.confdeltype, rn.nspname, rc.relname,"
            + " array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),"
            + " array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),"
            // A primary key's covering (INCLUDE) columns are those of its index past the key columns.
            + " array(SELECT a.attname FROM pg_index x"
            + " CROSS JOIN LATERAL generate_series(x.indnkeyatts + 1, x.indnatts) j(n)"
            + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[j.n - 1]"
            + " WHERE con.contype = 'p' AND x.indexrelid = con.conindid ORDER BY j.n),"
            + " con.connoinherit, con.condeferrable, con.condeferred"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
            + " WHERE con.contype IN ('p', 'f', 'c') AND c.relkind IN ('r', 'p') AND $FILTER AND $TABLES(c)"
            // What a child inherits (checks) or a partition gets from its parent (keys) is the parent's.
            + " AND con.conislocal AND con.conparentid = 0"
            + " ORDER BY n.nspname, c.relname, con.conname";

    @Override
    public Realm inspect(Connection connection, InspectOptions options) throws SQLException {
        CatalogQuery query = new CatalogQuery(options.schemas());
        Map<String, Schema> schemas = schemas(connection, query);
        Map<String, TableBuilder> tables = tables(connection, query);
        List<Schema> result = new ArrayList<>();
        for (Schema schema : schemas.values()) {
            result.add(schema.withTables(tables.values().stream()
                    .filter(t -> t.schema().equals(schema.name()))
                    .map(TableBuilder::build)
                    .toList()));
        }
        // Types, sequences, policies and extensions first: the logic objects' counts of what was left out add to
        // theirs.
        return PostgresObjects.inspect(
                connection, query, PostgresTypeObjects.inspect(connection, query, new Realm(result)));
    }

    /**
     * Reads the named tables of one schema alone, as {@link #inspect} reads them, ordered by name; a name that is
     * no table of the schema reads nothing. Lint re-reads the one table a statement changed this way instead of
     * the whole database.
     */
    public List<Table> inspectTables(Connection connection, String schema, Collection<String> names)
            throws SQLException {
        if (names.isEmpty()) {
            return List.of();
        }
        CatalogQuery query = new CatalogQuery(List.of(schema), List.copyOf(names));
        return tables(connection, query).values().stream()
                .map(TableBuilder::build)
                .toList();
    }

    /**
     * Returns the sequences {@link #inspect} puts into the schemas' objects, by schema: those that neither an
     * identity column nor a serial column of the table model stands for. A change to a column can turn one into
     * the other (a serial column's type or default changed).
     */
    public Map<String, List<SchemaObject>> inspectSequences(Connection connection, InspectOptions options)
            throws SQLException {
        Map<String, List<SchemaObject>> sequences = new HashMap<>();
        SequenceQuery.read(connection, new CatalogQuery(options.schemas()), sequences);
        return sequences;
    }

    /**
     * Returns the counts by kind of what the schemas hold that the model leaves out of their tables and objects
     * (rules, exclusion constraints, statistics objects, ...), which {@link #inspect} adds to the realm's {@link
     * Realm#unsupported()}, zero counts included; the kinds of unsupported routines are not among them.
     */
    public Map<String, Integer> inspectUnsupported(Connection connection, InspectOptions options) throws SQLException {
        return PostgresUnsupported.countAll(connection, new CatalogQuery(options.schemas()));
    }

    // The tables of the query's schemas (and tables) with all their parts, by key, ordered by schema and name.
    private static Map<String, TableBuilder> tables(Connection connection, CatalogQuery query) throws SQLException {
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        try (PreparedStatement st = query.prepare(connection, TABLES);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                tables.put(
                        key(rs.getString(1), rs.getString(2)),
                        new TableBuilder(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3))));
            }
        }
        columns(connection, query, tables);
        constraints(connection, query, tables);
        partitions(connection, query, tables);
        ChildTables.read(connection, query, tables);
        new IndexQuery(query).read(connection, tables);
        return tables;
    }

    static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    private static Map<String, Schema> schemas(Connection connection, CatalogQuery query) throws SQLException {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        try (PreparedStatement st = query.prepare(connection, SCHEMAS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                schemas.put(name, new Schema(name, List.of(), Optional.ofNullable(rs.getString(2)), Map.of()));
            }
        }
        try (PreparedStatement st = query.prepare(connection, ENUMS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Schema schema = schemas.get(rs.getString(1));
                if (schema != null) {
                    Map<String, String> options = new LinkedHashMap<>(schema.options());
                    options.put(PostgresEnums.PREFIX + rs.getString(2), PostgresEnums.encode(strings(rs, 3)));
                    schemas.put(schema.name(), new Schema(schema.name(), List.of(), schema.comment(), options));
                }
            }
        }
        return schemas;
    }

    private static void columns(Connection connection, CatalogQuery query, Map<String, TableBuilder> tables)
            throws SQLException {
        try (PreparedStatement st = query.prepare(connection, COLUMNS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
                if (table != null) {
                    table.columns().add(column(rs));
                }
            }
        }
    }

    private static Column column(ResultSet rs) throws SQLException {
        ColumnType type = DomainQuery.UserType.of(
                        rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(4), strings(rs, 18))
                .columnType(rs.getString(4));
        String expr = rs.getString(6);
        String identity = rs.getString(7);
        String generated = rs.getString(8);
        Optional<String> comment = Optional.ofNullable(rs.getString(9));
        Map<String, String> options = new LinkedHashMap<>();
        String collation = rs.getString(16);
        if (collation != null) {
            options.put(PostgresSpecDialect.COLLATE, collation);
        }
        Optional<Generated> generation = Optional.empty();
        Optional<io.plumb.engine.schema.DefaultValue> defaultValue = Optional.empty();
        if ("s".equals(generated) && expr != null) {
            generation = Optional.of(new Generated(expr, "STORED"));
        } else if (!identity.isEmpty()) {
            options.putAll(Identity.options(identity, rs.getLong(10), rs.getLong(11)));
        } else if (expr != null && rs.getBoolean(17)) {
            // A serial column is an integer whose default draws from a sequence the column owns.
            type = Identity.serial(type);
        } else if (expr != null) {
            defaultValue = Optional.of(PostgresDefaults.fromCatalog(expr, type, "e".equals(rs.getString(13))));
        }
        return new Column(
                rs.getString(3),
                type,
                !rs.getBoolean(5),
                defaultValue,
                generation,
                false,
                comment,
                options,
                Optional.ofNullable(rs.getString(19)));
    }

    private static void constraints(Connection connection, CatalogQuery query, Map<String, TableBuilder> tables)
            throws SQLException {
        try (PreparedStatement st = query.prepare(connection, CONSTRAINTS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
                if (table == null) {
                    continue;
                }
                String name = rs.getString(3);
                List<String> columns = strings(rs, 10);
                switch (rs.getString(4)) {
                    case "p" -> table.primaryKey(new PrimaryKey(
                            name.equals(table.name() + "_pkey") ? "" : name,
                            columns.stream().map(IndexPart::column).toList(),
                            keyOptions(strings(rs, 12))));
                    case "f" -> table.foreignKeys()
                            .add(new ForeignKey(
                                    name,
                                    columns,
                                    rs.getString(8),
                                    rs.getString(9),
                                    strings(rs, 11),
                                    action(rs.getString(6)),
                                    action(rs.getString(7)),
                                    KeyDeferral.of(rs.getBoolean(14), rs.getBoolean(15))));
                    default -> table.checks()
                            .add(new Check(
                                    name,
                                    rs.getString(5),
                                    rs.getBoolean(13) ? Map.of(PostgresSpecDialect.NO_INHERIT, "true") : Map.of()));
                }
            }
        }
    }

    private static Map<String, String> keyOptions(List<String> include) {
        return include.isEmpty() ? Map.of() : Map.of(PostgresSpecDialect.INCLUDE, String.join(",", include));
    }

    private static void partitions(Connection connection, CatalogQuery query, Map<String, TableBuilder> tables)
            throws SQLException {
        try (PreparedStatement st = query.prepare(connection, PARTITIONS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(key(rs.getString(1), rs.getString(2)));
                if (table != null) {
                    table.options().put(Partition.TYPE, Partition.strategy(rs.getString(3)));
                    if (rs.getBoolean(5)) {
                        table.options().put(PartitionKeys.BY, PartitionKeys.fromCatalog(rs.getString(6)));
                    } else {
                        table.options().put(Partition.COLUMNS, String.join(",", strings(rs, 4)));
                    }
                }
            }
        }
    }

    static List<String> strings(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList();
    }

    private static ReferenceAction action(String code) {
        return switch (code) {
            case "r" -> ReferenceAction.RESTRICT;
            case "c" -> ReferenceAction.CASCADE;
            case "n" -> ReferenceAction.SET_NULL;
            case "d" -> ReferenceAction.SET_DEFAULT;
            default -> ReferenceAction.NO_ACTION;
        };
    }

    // pg_get_constraintdef spells a check as CHECK (expr), possibly followed by NOT VALID; a domain's checks are
    // read so.
    static String checkExpr(String definition) {
        String text = definition.trim();
        if (text.startsWith("CHECK (")) {
            int end = text.lastIndexOf(')');
            return text.substring("CHECK (".length(), end).trim();
        }
        return text;
    }
}
