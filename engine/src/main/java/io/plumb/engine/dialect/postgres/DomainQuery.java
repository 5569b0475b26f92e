package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Domain;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.SchemaObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code DomainQuery} reads the domains of a set of schemas with their base type, default, {@code NOT NULL} and
 * check constraints (by name), as PostgreSQL prints them back.
 */
final class DomainQuery {

    private static final String SQL = "SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod),"
            + " t.typnotnull, pg_get_expr(t.typdefaultbin, 0), obj_description(t.oid, 'pg_type'), " + typtype("bt")
            + ","
            + " bn.nspname, bt.typname,"
            + " array(SELECT c.conname FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'"
            + " ORDER BY c.conname),"
            + " array(SELECT pg_get_constraintdef(c.oid, true) FROM pg_constraint c WHERE c.contypid = t.oid"
            + " AND c.contype = 'c' ORDER BY c.conname)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " JOIN pg_type bt ON bt.oid = t.typbasetype JOIN pg_namespace bn ON bn.oid = bt.typnamespace"
            + " WHERE t.typtype = 'd' AND $FILTER" + PostgresUnsupported.notMember("pg_type", "t.oid")
            + " ORDER BY n.nspname, t.typname";

    private DomainQuery() {}

    /**
     * Returns the SQL of a type's {@code typtype} (of the {@code pg_type} alias), except that the row type of a
     * table, view or sequence is {@code x}: only stand-alone composite types are modelled objects.
     */
    static String typtype(String alias) {
        return "CASE WHEN " + alias + ".typtype = 'c' AND (SELECT r.relkind FROM pg_class r WHERE r.oid = " + alias
                + ".typrelid) <> 'c' THEN 'x' ELSE " + alias + ".typtype::text END";
    }

    /** Reads the domains into the objects of their schemas. */
    static void read(Connection connection, CatalogQuery query, Map<String, List<SchemaObject>> objects)
            throws SQLException {
        try (PreparedStatement st = query.prepare(connection, SQL);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                List<String> names = PostgresInspector.strings(rs, 10);
                List<String> defs = PostgresInspector.strings(rs, 11);
                List<Check> checks = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    checks.add(Check.of(names.get(i), PostgresInspector.checkExpr(defs.get(i))));
                }
                UserType base = UserType.of(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(3));
                Domain domain = new Domain(
                        rs.getString(2),
                        base.sql(),
                        !rs.getBoolean(4),
                        Optional.ofNullable(rs.getString(5)),
                        checks,
                        Optional.ofNullable(rs.getString(6)),
                        base.ref().stream().toList());
                objects.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(domain);
            }
        }
    }

    /**
     * A type as a column, domain or field uses it: a user-defined enum, domain or composite type as its quoted,
     * qualified name with a reference to it, any other type in its canonical form.
     *
     * @param sql the type's SQL text
     * @param ref the object the type is, when it is a domain or composite type
     */
    record UserType(String sql, Optional<ObjectRef> ref) {

        /** Returns whether a {@link #typtype} is that of an enum, domain or composite type. */
        static boolean isUserType(String typtype) {
            return typtype.equals("e") || typtype.equals("d") || typtype.equals("c");
        }

        /** Returns the type of catalogue values: {@code typtype}, schema, name and {@code format_type} text. */
        static UserType of(String typtype, String schema, String name, String formatted) {
            return switch (typtype) {
                case "e" -> new UserType(PostgresEnums.type(schema, name).sql(), Optional.empty());
                case "d" -> new UserType(
                        PostgresEnums.type(schema, name).sql(),
                        Optional.of(new ObjectRef(ObjectKind.DOMAIN, schema, name)));
                case "c" -> new UserType(
                        PostgresEnums.type(schema, name).sql(),
                        Optional.of(new ObjectRef(ObjectKind.COMPOSITE, schema, name)));
                default -> new UserType(PostgresTypes.fromCatalog(formatted).sql(), Optional.empty());
            };
        }
    }
}
