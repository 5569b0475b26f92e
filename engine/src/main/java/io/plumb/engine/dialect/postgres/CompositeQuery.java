package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.CompositeType;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.SchemaObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@code CompositeQuery} reads the stand-alone composite types of a set of schemas, with their fields in order. */
final class CompositeQuery {

    private static final String SQL = "SELECT n.nspname, t.typname, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " " + DomainQuery.typtype("ft") + ", fn.nspname, ft.typname, obj_description(t.oid, 'pg_type'),"
            + " " + DomainQuery.element("ft")
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " JOIN pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'"
            + " LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_type ft ON ft.oid = a.atttypid LEFT JOIN pg_namespace fn ON fn.oid = ft.typnamespace"
            + " WHERE t.typtype = 'c' AND $FILTER" + PostgresUnsupported.notMember("pg_type", "t.oid")
            + " ORDER BY n.nspname, t.typname, a.attnum";

    private CompositeQuery() {}

    /** Reads the composite types into the objects of their schemas. */
    static void read(Connection connection, CatalogQuery query, Map<String, List<SchemaObject>> objects)
            throws SQLException {
        Map<List<String>, Builder> types = new LinkedHashMap<>();
        try (PreparedStatement st = query.prepare(connection, SQL);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Builder type = types.computeIfAbsent(
                        List.of(rs.getString(1), rs.getString(2)),
                        k -> new Builder(k.get(0), k.get(1), new ArrayList<>(), new ArrayList<>(), comment(rs)));
                if (rs.getString(3) == null) {
                    continue;
                }
                DomainQuery.UserType field = DomainQuery.UserType.of(
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(4),
                        PostgresInspector.strings(rs, 9));
                type.fields().add(CompositeSpec.field(rs.getString(3), field.columnType(rs.getString(4))));
                field.ref().ifPresent(type.dependsOn()::add);
            }
        }
        for (Builder type : types.values()) {
            objects.computeIfAbsent(type.schema(), k -> new ArrayList<>())
                    .add(new CompositeType(type.name(), type.fields(), type.comment(), type.dependsOn()));
        }
    }

    private static Optional<String> comment(ResultSet rs) {
        try {
            return Optional.ofNullable(rs.getString(8));
        } catch (SQLException e) {
            throw new IllegalStateException("reading composite type row: " + e.getMessage(), e);
        }
    }

    private record Builder(
            String schema, String name, List<Column> fields, List<ObjectRef> dependsOn, Optional<String> comment) {}
}
