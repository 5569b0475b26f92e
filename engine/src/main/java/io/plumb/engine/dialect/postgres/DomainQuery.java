package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.ColumnType;
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
            + " AND c.contype = 'c' ORDER BY c.conname), " + element("bt")
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

    /**
     * Returns the SQL of the element of an array type (of the {@code pg_type} alias): its {@link #typtype}, schema and
     * name as a text array, or {@code NULL} when the type is no array. {@code format_type} spells an array of a
     * user-defined type qualified or not by the session's {@code search_path}; the element's catalogue names are
     * the same on every connection.
     */
    static String element(String alias) {
        return "(SELECT ARRAY[" + typtype("e") + ", en.nspname::text, e.typname::text] FROM pg_type e"
                + " JOIN pg_namespace en ON en.oid = e.typnamespace WHERE e.oid = " + alias + ".typelem"
                + " AND " + alias + ".typlen = -1 AND " + alias + ".typcategory = 'A')";
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
                UserType base = UserType.of(
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(3),
                        PostgresInspector.strings(rs, 12));
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
     * A type as a column, domain or field uses it: a user-defined enum, domain or composite type, or an array of one,
     * as its quoted, qualified name ({@code "app"."status"}, {@code "app"."status"[]}: an array has one pair of
     * brackets, as PostgreSQL ignores declared dimensions) with a reference to the domain or composite type; any
     * other type in its canonical form.
     *
     * @param sql the type's SQL text
     * @param ref the object the type is or holds, when it is a domain or composite type
     * @param user whether the type is a user-defined type or an array of one
     */
    record UserType(String sql, Optional<ObjectRef> ref, boolean user) {

        /** Returns whether a {@link #typtype} is that of an enum, domain or composite type. */
        static boolean isUserType(String typtype) {
            return typtype.equals("e") || typtype.equals("d") || typtype.equals("c");
        }

        /**
         * Returns whether a type is kept as its quoted, qualified name: an enum, domain or composite type, or a range
         * or multirange type of a schema other than {@code pg_catalog} (which the model has no object for, but whose
         * name {@code format_type} qualifies by the session's {@code search_path} as it does the others').
         */
        static boolean isQualified(String typtype, String schema) {
            return isUserType(typtype) || (typtype.equals("r") || typtype.equals("m")) && !schema.equals("pg_catalog");
        }

        /** Returns the type of catalogue values: {@code typtype}, schema, name and {@code format_type} text. */
        static UserType of(String typtype, String schema, String name, String formatted) {
            return of(typtype, schema, name, formatted, List.of());
        }

        /**
         * Returns the type of catalogue values: {@code typtype}, schema, name, {@code format_type} text and the
         * {@link #element} of an array type (empty for any other type).
         */
        static UserType of(String typtype, String schema, String name, String formatted, List<String> element) {
            if (element.size() == 3 && isQualified(element.get(0), element.get(1))) {
                UserType of = of(element.get(0), element.get(1), element.get(2), formatted);
                return new UserType(of.sql() + "[]", of.ref(), true);
            }
            return switch (typtype) {
                case "e" -> new UserType(PostgresEnums.type(schema, name).sql(), Optional.empty(), true);
                case "d" -> new UserType(
                        PostgresEnums.type(schema, name).sql(),
                        Optional.of(new ObjectRef(ObjectKind.DOMAIN, schema, name)),
                        true);
                case "c" -> new UserType(
                        PostgresEnums.type(schema, name).sql(),
                        Optional.of(new ObjectRef(ObjectKind.COMPOSITE, schema, name)),
                        true);
                default -> isQualified(typtype, schema)
                        ? new UserType(PostgresEnums.type(schema, name).sql(), Optional.empty(), true)
                        : new UserType(PostgresTypes.fromCatalog(formatted).sql(), Optional.empty(), false);
            };
        }

        /** Returns the type as a column type: a user-defined type raw, any other as {@code format_type} spells it. */
        ColumnType columnType(String formatted) {
            return user ? new ColumnType.Raw(sql) : PostgresTypes.fromCatalog(formatted);
        }
    }
}
