package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code ViewQuery} reads the views and materialized views of a set of schemas: the query as {@code
 * pg_get_viewdef(oid, true)} prints it (trimmed, without its final semicolon), the columns, the {@code
 * check_option}, {@code security_barrier} and {@code security_invoker} options, a materialized view's indexes, and
 * what the view's rewrite rule depends on (tables, views, functions) from {@code pg_depend}.
 */
final class ViewQuery {

    /** The view options kept, in the order they are written. */
    static final List<String> OPTIONS = List.of("check_option", "security_barrier", "security_invoker");

    private static final String VIEWS = "SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true),"
            + " obj_description(c.oid, 'pg_class'), array(SELECT o.option_name || '=' || o.option_value"
            + " FROM pg_options_to_table(c.reloptions) o ORDER BY o.option_name)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND $FILTER AND " + PostgresObjects.notExtension("pg_class", "c.oid")
            + " ORDER BY n.nspname, c.relname";

    private static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname,"
            + " format_type(a.atttypid, a.atttypmod), NOT a.attnotnull"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND $FILTER"
            + " ORDER BY n.nspname, c.relname, a.attnum";

    // What a view's rewrite rule depends on: relations (by kind) and routines (by kind and argument types).
    private static final String DEPENDENCIES = "SELECT DISTINCT n.nspname, v.relname, rn.nspname, r.relname,"
            + " r.relkind::text, NULL, false FROM pg_rewrite w JOIN pg_class v ON v.oid = w.ev_class"
            + " JOIN pg_namespace n ON n.oid = v.relnamespace JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass"
            + " AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass JOIN pg_class r ON r.oid = d.refobjid"
            + " JOIN pg_namespace rn ON rn.oid = r.relnamespace WHERE v.relkind IN ('v', 'm') AND r.oid <> v.oid"
            + " AND $FILTER UNION SELECT DISTINCT n.nspname, v.relname, pn.nspname, p.proname, p.prokind::text,"
            + " oidvectortypes(p.proargtypes), p.pronargs > 0 OR p.proallargtypes IS NOT NULL FROM pg_rewrite w JOIN pg_class v ON v.oid = w.ev_class"
            + " JOIN pg_namespace n ON n.oid = v.relnamespace JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass"
            + " AND d.objid = w.oid AND d.refclassid = 'pg_proc'::regclass JOIN pg_proc p ON p.oid = d.refobjid"
            + " JOIN pg_namespace pn ON pn.oid = p.pronamespace"
            + " WHERE v.relkind IN ('v', 'm') AND pn.nspname NOT IN ('pg_catalog', 'information_schema') AND $FILTER";

    private final CatalogQuery query;

    ViewQuery(CatalogQuery query) {
        this.query = query;
    }

    void read(Connection connection, PostgresObjects out) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement st = query.prepare(connection, COLUMNS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                columns.computeIfAbsent(PostgresInspector.key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                        .add(Column.of(rs.getString(3), PostgresTypes.fromCatalog(rs.getString(4)), rs.getBoolean(5)));
            }
        }
        Map<String, List<ObjectRef>> dependencies = dependencies(connection);
        Map<String, TableBuilder> materialized = new LinkedHashMap<>();
        List<View> views = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement st = query.prepare(connection, VIEWS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String key = PostgresInspector.key(rs.getString(1), rs.getString(2));
                Map<String, String> options = options(rs);
                views.add(new View(
                        rs.getString(2),
                        rs.getBoolean(3),
                        columns.getOrDefault(key, List.of()),
                        query(rs.getString(4)),
                        List.of(),
                        Optional.ofNullable(rs.getString(5)),
                        dependencies.getOrDefault(key, List.of()),
                        options));
                schemas.add(rs.getString(1));
                if (rs.getBoolean(3)) {
                    materialized.put(key, new TableBuilder(rs.getString(1), rs.getString(2), Optional.empty()));
                }
            }
        }
        new IndexQuery(query, "'m'").read(connection, materialized);
        for (int i = 0; i < views.size(); i++) {
            View view = views.get(i);
            TableBuilder indexes = materialized.get(PostgresInspector.key(schemas.get(i), view.name()));
            if (indexes != null) {
                view = new View(
                        view.name(),
                        true,
                        view.columns(),
                        view.query(),
                        indexes.indexes().stream()
                                .sorted(java.util.Comparator.comparing(io.plumb.engine.schema.Index::name))
                                .toList(),
                        view.comment(),
                        view.dependsOn(),
                        view.options());
            }
            out.add(schemas.get(i), view);
        }
    }

    /** Returns the view text as kept in the model: trimmed, without the final semicolon. */
    static String query(String definition) {
        String text = definition.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static Map<String, String> options(ResultSet rs) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        java.sql.Array array = rs.getArray(6);
        if (array != null) {
            for (Object item : (Object[]) array.getArray()) {
                String text = String.valueOf(item);
                int eq = text.indexOf('=');
                found.put(text.substring(0, eq), text.substring(eq + 1));
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : OPTIONS) {
            String value = found.get(name);
            if (value == null) {
                continue;
            }
            if (name.equals("check_option")) {
                options.put(name, value.toUpperCase(java.util.Locale.ROOT));
            } else if (Boolean.parseBoolean(value)) {
                options.put(name, "true");
            }
        }
        return options;
    }

    private Map<String, List<ObjectRef>> dependencies(Connection connection) throws SQLException {
        Map<String, List<ObjectRef>> result = new LinkedHashMap<>();
        try (PreparedStatement st = query.prepare(connection, DEPENDENCIES);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ObjectRef ref =
                        ref(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7));
                if (ref != null) {
                    result.computeIfAbsent(
                                    PostgresInspector.key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(ref);
                }
            }
        }
        result.values().forEach(refs -> refs.sort(java.util.Comparator.comparing(ObjectRef::toString)));
        return result;
    }

    /** Returns the reference to a relation (by {@code relkind}) or routine (by {@code prokind} and argument types). */
    static @org.jspecify.annotations.Nullable ObjectRef ref(
            String schema,
            String name,
            String kind,
            @org.jspecify.annotations.Nullable String signature,
            boolean hasArguments) {
        if (signature != null) {
            ObjectKind routine =
                    switch (kind) {
                        case "p" -> ObjectKind.PROCEDURE;
                        case "a" -> ObjectKind.AGGREGATE;
                        default -> ObjectKind.FUNCTION;
                    };
            return new ObjectRef(routine, schema, RoutineQuery.identity(routine, name, signature));
        }
        return switch (kind) {
            case "r", "p" -> ObjectRef.table(schema, name);
            case "v" -> new ObjectRef(ObjectKind.VIEW, schema, name);
            case "m" -> new ObjectRef(ObjectKind.MATERIALIZED_VIEW, schema, name);
            default -> null;
        };
    }
}
